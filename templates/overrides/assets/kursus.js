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

// The catalogue's filters: topic, level, form, region and month, combinable, kept in the address
// (?emne=oekonomi&region=hovedstaden) so a filtered list can be shared. Without JavaScript the form
// stays hidden and the whole list shows.
(function () {
  var form = document.getElementById("kursusfilter");
  if (!form) {
    return;
  }
  var attributes = { emne: "emner", niveau: "niveau", form: "form", region: "regioner", maaned: "maaneder" };
  var items = Array.prototype.slice.call(document.querySelectorAll(".kursus-liste > .kursus-kort"));
  var count = document.getElementById("antal-kurser");

  function chosen() {
    var values = {};
    Object.keys(attributes).forEach(function (name) {
      values[name] = form.elements[name].value;
    });
    return values;
  }

  function fits(item, values) {
    return Object.keys(values).every(function (name) {
      var wanted = values[name];
      return !wanted || (item.dataset[attributes[name]] || "").split(" ").indexOf(wanted) >= 0;
    });
  }

  function apply(keepInAddress) {
    var values = chosen();
    var shown = 0;
    items.forEach(function (item) {
      var visible = fits(item, values);
      item.hidden = !visible;
      shown += visible ? 1 : 0;
    });
    if (shown === items.length) {
      count.textContent = items.length + " kurser";
    } else if (shown === 0) {
      count.textContent = "Ingen kurser passer til dit valg. Prøv at fjerne et af valgene.";
    } else {
      count.textContent = "Viser " + shown + " af " + items.length + " kurser";
    }
    if (keepInAddress) {
      var url = new URL(window.location.href);
      Object.keys(values).forEach(function (name) {
        if (values[name]) {
          url.searchParams.set(name, values[name]);
        } else {
          url.searchParams.delete(name);
        }
      });
      window.history.replaceState(null, "", url);
    }
  }

  var params = new URLSearchParams(window.location.search);
  Object.keys(attributes).forEach(function (name) {
    var select = form.elements[name];
    var value = params.get(name);
    if (value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) {
      select.value = value;
    }
  });
  form.hidden = false;
  form.addEventListener("change", function () {
    apply(true);
  });
  form.addEventListener("reset", function () {
    window.setTimeout(function () {
      apply(true);
    });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  apply(false);
})();
