// Selecting words in the post's text fills the note's "words it is about" field (and
// where they start, so a phrase that occurs twice is quoted at the right place). The
// server checks the words are really in the post; without JavaScript, type or paste them.
(function () {
  function offsetIn(container, node, offset) {
    // Count characters up to (node, offset), treating <br> as the newline it stands for.
    var total = 0, walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    while (walker.nextNode()) {
      var current = walker.currentNode;
      if (current === node) return total + offset;
      if (current.nodeType === 3) total += current.data.length;
      else if (current.tagName === "BR") total += 1;
    }
    return null;
  }
  document.addEventListener("mouseup", function () {
    var form = document.querySelector("form[data-quote-from]");
    if (!form) return;
    var text = document.querySelector(form.getAttribute("data-quote-from"));
    var selection = window.getSelection();
    if (!text || !selection.rangeCount || selection.isCollapsed) return;
    var range = selection.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return;
    var words = selection.toString();
    var trimmedStart = words.length - words.replace(/^\s+/, "").length;
    var start = offsetIn(text, range.startContainer, range.startOffset);
    form.querySelector("[name=quote]").value = words.trim();
    var startField = form.querySelector("[name=quote_start]");
    if (startField) startField.value = start === null ? "" : start + trimmedStart;
  });
  document.addEventListener("input", function (event) {
    // A quote typed by hand has no known position: let the server find it.
    if (event.target.name === "quote") {
      var startField = event.target.form.querySelector("[name=quote_start]");
      if (startField) startField.value = "";
    }
  });
})();
