// Suggestion review: a header checkbox selects or clears every company on the page.
document.addEventListener("DOMContentLoaded", () => {
  for (const master of document.querySelectorAll("input.select-all")) {
    master.addEventListener("change", () => {
      const form = master.closest("form");
      for (const box of form.querySelectorAll(`input[type=checkbox][name="${master.dataset.target}"]`)) {
        box.checked = master.checked;
      }
    });
  }
});
