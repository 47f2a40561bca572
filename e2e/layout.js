// The gate's layout checks, run inside the page by e2e/layout.py. Each returns a
// list of findings in words (tag.class "text"), empty when the layout is sound.
window.kronikaLayout = (() => {
  const describe = (element) => {
    const classes = [...element.classList].map((name) => "." + name).join("");
    const text = (element.getAttribute("alt") || element.innerText || element.textContent || "")
      .replace(/\s+/g, " ")
      .trim();
    const snippet = text.length > 40 ? text.slice(0, 40) + "…" : text;
    return element.tagName.toLowerCase() + classes + (snippet ? ` "${snippet}"` : "");
  };

  // Visible means painted where a reader sees it: not display:none, not
  // visibility:hidden, not transparent, and larger than the 1 px box that
  // .visually-hidden leaves for screen readers.
  const visible = (element) => {
    const box = element.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) return false;
    const style = getComputedStyle(element);
    return style.visibility !== "hidden" && Number(style.opacity) > 0;
  };

  // An element paints the top of its box when it is a picture or a control, or
  // has a background or a top, left or right border. A bottom rule alone does
  // not: the box's top is empty space, as is the padding above a line of text.
  const paintsItsTop = (element) => {
    const tag = element.tagName.toLowerCase();
    if (["img", "svg", "picture", "video", "canvas", "iframe", "input", "select", "textarea", "button", "hr"].includes(tag)) return true;
    const style = getComputedStyle(element);
    if (style.backgroundColor !== "rgba(0, 0, 0, 0)" || style.backgroundImage !== "none") return true;
    return ["Top", "Left", "Right"].some((side) => parseFloat(style[`border${side}Width`]) > 0 && style[`border${side}Style`] !== "none");
  };

  // The first thing `root` shows, in document order: the box of an element that
  // paints its top, or the box of a line of text. Returns [element, box].
  const firstPainted = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => {
        if (node.nodeType === Node.TEXT_NODE) return node.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
        return visible(node) || getComputedStyle(node).display === "contents" ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
      },
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (visible(node) && paintsItsTop(node)) return [node, node.getBoundingClientRect()];
        continue;
      }
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      const style = getComputedStyle(node.parentElement);
      if (box.width > 1 && box.height > 1 && style.visibility !== "hidden") return [node.parentElement, box];
    }
    return [null, null];
  };

  // Whether two boxes share more than half a pixel, with box a stretched `below` px downwards.
  const intersect = (a, b, below = 0) =>
    a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom + below - 0.5;

  // The page is wider than the window: the elements whose right edge passes it.
  const overflow = () => {
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const offenders = [...document.body.querySelectorAll("*")].filter(
      (element) => visible(element) && element.getBoundingClientRect().right > width + 0.5,
    );
    // An element inside a wider offender is listed under it: the outermost ones say where to look.
    const outermost = offenders.filter((element) => !offenders.some((other) => other !== element && other.contains(element)));
    return [
      `the page is ${document.documentElement.scrollWidth} px wide`,
      ...outermost.slice(0, 10).map((element) => `${describe(element)} ends at ${Math.round(element.getBoundingClientRect().right)} px`),
    ];
  };

  // The site's header and navigation: header and nav elements outside main and the footer.
  // A navigation inside the header is measured as part of it.
  const chrome = () => {
    const bars = [...document.querySelectorAll("header, nav")].filter(
      (element) => !element.closest("main, footer") && visible(element),
    );
    return bars.filter((bar) => !bars.some((other) => other !== bar && other.contains(bar)));
  };

  // The first thing main paints (a line of text, a picture, a filled or framed
  // box) must keep `gap` px clear below the header and the navigation.
  const contentClearOfHeader = (gap) => {
    const main = document.querySelector("main");
    if (!main) return ["the page has no <main>"];
    const [first, box] = firstPainted(main);
    if (!first) return ["main shows nothing"];
    return chrome()
      .filter((bar) => intersect(bar.getBoundingClientRect(), box, gap))
      .map((bar) => {
        const distance = Math.round(box.top - bar.getBoundingClientRect().bottom);
        const where = distance < 0 ? `overlaps it by ${-distance} px` : `is ${distance} px below it`;
        return `${describe(first)} ${where} (${describe(bar)} ends at ${Math.round(bar.getBoundingClientRect().bottom)} px; at least ${gap} px wanted)`;
      });
  };

  // No other element may lie over a hero picture. The boxes that contain it
  // (its figure among them) may, and so may its own link, <picture> and caption;
  // anything else inside the figure, such as a comment count laid on top, may not.
  const heroOverlaps = (selectors) => {
    const findings = [];
    for (const image of document.querySelectorAll(selectors.join(", "))) {
      if (!visible(image)) continue;
      const box = image.getBoundingClientRect();
      const caption = image.closest("figure")?.querySelector(":scope > figcaption");
      const own = [image.closest("a"), image.closest("picture"), caption].filter(Boolean);
      for (const element of document.body.querySelectorAll("*")) {
        if (element === image || element.contains(image) || own.some((part) => part.contains(element))) continue;
        if (!visible(element) || !intersect(element.getBoundingClientRect(), box)) continue;
        // A box inside another offender adds nothing to the message.
        if (findings.some((finding) => finding.element.contains(element))) continue;
        findings.push({ element, text: `${describe(element)} lies over ${describe(image)}` });
      }
    }
    return findings.map((finding) => finding.text);
  };

  return { overflow, contentClearOfHeader, heroOverlaps };
})();
