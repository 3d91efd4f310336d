// The catalogue's filters: topic, level, form, region and month, combinable and kept in the address
// (/kurser/?emne=oekonomi&region=midtjylland&maaned=2027-03), so a filtered list can be shared.
//
// Form, region and month are matched against one and the same session: a course shows when one of its
// sessions fits all three, and its card then shows that session. Each card lists its sessions still to come
// (not cancelled) with the form, the regions it is for (every region for an online or nationwide session,
// decided by the build) and the month it starts; only the first is shown until a filter picks another.
//
// The page loads this script right after the list, so the list is filtered before the rest of the page is laid
// out; a head script (main.html) hides the list until then when the address holds a filter. Nothing moves.
(function () {
  var form = document.getElementById("kursusfilter");
  if (!form) {
    return;
  }
  var names = ["emne", "niveau", "form", "region", "maaned"];
  var courseKeys = { emne: "emner", niveau: "niveau" };
  var sessionKeys = { form: "form", region: "regioner", maaned: "maaned" };
  var items = Array.prototype.slice.call(document.querySelectorAll(".kursus-liste > .kursus-kort"));
  var count = document.getElementById("antal-kurser");
  var chosenBadge = document.getElementById("kursusfilter-valgt");

  function has(list, value) {
    return (list || "").split(" ").indexOf(value) >= 0;
  }

  function chosen() {
    var values = {};
    names.forEach(function (name) {
      values[name] = form.elements[name].value;
    });
    return values;
  }

  function fitsSession(session, values) {
    return Object.keys(sessionKeys).every(function (name) {
      return !values[name] || has(session.dataset[sessionKeys[name]], values[name]);
    });
  }

  // The session a card shows for these choices, or null when the course does not fit them.
  function fittingSession(item, values) {
    var fitsCourse = Object.keys(courseKeys).every(function (name) {
      return !values[name] || has(item.dataset[courseKeys[name]], values[name]);
    });
    if (!fitsCourse) {
      return null;
    }
    var sessions = Array.prototype.slice.call(item.querySelectorAll(".kursus-kort__hold"));
    var bySession = Object.keys(sessionKeys).some(function (name) {
      return values[name];
    });
    if (!bySession) {
      return sessions[0] || item;
    }
    for (var i = 0; i < sessions.length; i++) {
      if (sessions[i].dataset.maaned && fitsSession(sessions[i], values)) {
        return sessions[i];
      }
    }
    return null;
  }

  function apply(keepInAddress) {
    var values = chosen();
    var active = names.filter(function (name) {
      return values[name];
    }).length;
    var shown = 0;
    items.forEach(function (item) {
      var session = fittingSession(item, values);
      item.hidden = !session;
      if (session) {
        shown += 1;
        item.querySelectorAll(".kursus-kort__hold").forEach(function (other) {
          other.hidden = other !== session;
        });
      }
    });
    if (!active) {
      count.textContent = items.length + " kurser";
    } else if (shown === 0) {
      count.textContent = "Ingen kurser passer til dit valg. Fjern et af valgene, eller tryk på Nulstil valg.";
    } else {
      count.textContent = shown + (shown === 1 ? " kursus passer" : " kurser passer") + " til dit valg";
    }
    chosenBadge.textContent = active ? " (" + active + " valgt)" : "";
    if (keepInAddress) {
      var url = new URL(window.location.href);
      names.forEach(function (name) {
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
  names.forEach(function (name) {
    var select = form.elements[name];
    var value = params.get(name);
    if (value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) {
      select.value = value;
    }
  });
  form.addEventListener("change", function () {
    apply(true);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  document.getElementById("kursusfilter-nulstil").addEventListener("click", function () {
    names.forEach(function (name) {
      form.elements[name].value = "";
    });
    apply(true);
    form.elements[names[0]].focus();
  });
  apply(false);
  document.documentElement.classList.remove("filtrerer");
})();
