// Rating without a page reload. Without JavaScript the same form posts and
// redirects back to the article, so this file only spares the reload.
document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (!form.matches(".rating-form") || !event.submitter) return;
  event.preventDefault();
  const section = form.closest(".rating");
  const stars = Number(event.submitter.value);
  const yours = section.querySelector(".rating-yours");
  try {
    const response = await fetch(form.action, {
      method: "POST",
      headers: { Accept: "application/json" },
      body: new URLSearchParams({ stars: String(stars) }),
      credentials: "same-origin",
    });
    if (!response.ok) throw new Error(String(response.status));
    const score = await response.json();
    section.querySelector(".rating-summary").textContent = score.text;
    section.querySelector(".stars-meter").dataset.halves = String(Math.round(score.average * 2));
    for (const button of form.querySelectorAll("button[name=stars]")) {
      const value = Number(button.value);
      button.setAttribute("aria-pressed", String(value === score.stars));
      button.classList.toggle("rating-star-on", value <= score.stars);
    }
    yours.textContent = score.yours;
  } catch {
    // In the page's language, from the template (ratings/widget.html).
    yours.textContent = form.dataset.failed;
  }
});
