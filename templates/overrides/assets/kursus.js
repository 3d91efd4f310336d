// Privacy-friendly videos: nothing is loaded from YouTube or Vimeo until the reader asks.
// Without JavaScript the page offers a plain link to the video instead.
document.querySelectorAll(".video[data-embed]").forEach(function (video) {
  var button = video.querySelector(".video__afspil");
  if (!button) {
    return;
  }
  button.hidden = false;
  button.addEventListener("click", function () {
    var frame = document.createElement("iframe");
    frame.src = video.dataset.embed;
    frame.title = "Video: " + video.dataset.title;
    frame.allow = "autoplay; fullscreen; picture-in-picture";
    frame.allowFullscreen = true;
    frame.className = "video__afspiller";
    video.replaceChildren(frame);
    frame.focus();
  });
});

// Editors' scaffolds (/om/nye-filer/): copy a whole file's text with one press.
// The text is the <pre> right after the button's paragraph.
document.querySelectorAll("button.kopier").forEach(function (button) {
  var paragraph = button.closest("p");
  var source = paragraph && paragraph.nextElementSibling;
  if (!source || !navigator.clipboard) {
    button.hidden = true;
    return;
  }
  var label = button.textContent;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(source.textContent).then(function () {
      button.textContent = "Kopieret – sæt den ind i den nye fil";
      setTimeout(function () { button.textContent = label; }, 4000);
    });
  });
});
