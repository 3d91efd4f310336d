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
