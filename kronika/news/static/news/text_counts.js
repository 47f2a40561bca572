// Character counts under the headline and standfirst: how much of each search
// engines and the paper's Telegram channel show (limits set by kronika.news.editing).
// JavaScript counts a string's length in UTF-16 units, as Telegram does.
for (const field of document.querySelectorAll("[data-kronika-limits]")) {
  const limits = JSON.parse(field.dataset.kronikaLimits);
  const count = document.createElement("p");
  count.id = `${field.id}-count`;
  count.className = "help kronika-count";
  count.dataset.kronikaCount = "";
  field.after(count);
  field.setAttribute(
    "aria-describedby",
    [field.getAttribute("aria-describedby"), count.id].filter(Boolean).join(" "),
  );
  const others = limits.map((limit) => (limit.plus ? document.getElementById(limit.plus) : null));
  const update = () => {
    count.textContent = limits
      .map((limit, index) => {
        const used = field.value.length + (others[index] ? others[index].value.length : 0);
        const over = used > limit.max ? " (the rest is cut)" : "";
        return `${used} / ${limit.max} ${limit.label}${over}`;
      })
      .join(" · ");
  };
  field.addEventListener("input", update);
  for (const other of others) if (other) other.addEventListener("input", update);
  update();
}
