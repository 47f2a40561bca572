// "Copy link" for browsers that can: the button replaces the plain link to the
// article, which stays for readers without JavaScript or a clipboard.
for (const button of document.querySelectorAll(".share-copy")) {
  if (!navigator.clipboard) continue;
  const link = button.previousElementSibling;
  button.hidden = false;
  link.hidden = true;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(button.dataset.address);
      // In the page's language, from the template (news/includes/share.html).
      button.textContent = button.dataset.copied;
    } catch {
      link.hidden = false;
      button.hidden = true;
    }
  });
}
