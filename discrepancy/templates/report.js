// Filter the slots table by text, status and story. Reads only attributes and textContent
// and only toggles the hidden property: no document text is ever turned into markup.
(function () {
  "use strict";
  var text = document.getElementById("filter-text");
  var status = document.getElementById("filter-status");
  var story = document.getElementById("filter-story");
  var count = document.getElementById("filter-count");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#slots tbody tr.slot"));
  function apply() {
    var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var hay = row.textContent.toLowerCase();
      var ok = (!status.value || row.dataset.status === status.value) &&
        (!story.value || row.dataset.story === story.value) &&
        words.every(function (w) { return hay.indexOf(w) >= 0; });
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = shown + " of " + rows.length + " slots";
  }
  [text, status, story].forEach(function (el) { el.addEventListener("input", apply); });
  apply();
}());
