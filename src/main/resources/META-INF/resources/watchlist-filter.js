// The watchlist form's vendor filter: narrows the list of vendors as the reader types. Loaded as a
// file (the Content-Security-Policy allows no inline script); without it the form works the same,
// with the A-Z index and the browser's find.
(function () {
  "use strict";
  var input = document.getElementById("vendor-filter");
  if (!input) {
    return;
  }
  var box = input.closest(".vendor-filter");
  var count = box.querySelector(".filter-count");
  var noMatch = document.querySelector("fieldset.vendors .no-match");
  var groups = Array.prototype.slice.call(document.querySelectorAll(".vendor-group"));
  box.hidden = false;

  function apply() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    groups.forEach(function (group) {
      var inGroup = 0;
      group.querySelectorAll("li[data-name]").forEach(function (item) {
        var name = item.getAttribute("data-name");
        var match = words.every(function (w) { return name.indexOf(w) >= 0; });
        item.hidden = !match;
        if (match) {
          inGroup++;
        }
      });
      group.hidden = inGroup === 0;
      shown += inGroup;
    });
    count.textContent = words.length ? shown + (shown === 1 ? " vendor" : " vendors") : "";
    noMatch.hidden = shown !== 0;
  }

  input.addEventListener("input", apply);
  // Enter in the filter would submit the whole form; it only filters.
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter") {
      e.preventDefault();
    }
  });
  apply();
})();
