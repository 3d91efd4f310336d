// A course's poster (/kurser/<slug>/plakat/): the "Udskriv plakaten" button opens the browser's print dialog. Without
// this script the button stays hidden, and the line telling how to print from the browser's menu stays instead.
(function () {
  "use strict";
  var button = document.querySelector("[data-udskriv]");
  var help = document.querySelector(".plakat-vaerktoej__hjaelp");
  if (!button || typeof window.print !== "function") {
    return;
  }
  button.addEventListener("click", function () {
    window.print();
  });
  button.parentElement.hidden = false;
  if (help) {
    help.hidden = true;
  }
})();
