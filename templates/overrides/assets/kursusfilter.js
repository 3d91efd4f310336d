// The catalogue's filters: topic, level, form, region and a span of months, combinable and kept in the address
// (/kurser/?emne=oekonomi&region=midtjylland&fra=2027-03&til=2027-05; FORMAT.md §4: maaned=X means fra=X&til=X),
// so a filtered list can be shared.
//
// Form, region and months are matched against one and the same session: a course shows when one of its
// sessions fits them all, and its card then shows that session. Each card lists its sessions still to come
// (not cancelled) in the build's order of preference (the next with seats first, then those with a waiting
// list), each with its form, the regions it is for (every region for an online or nationwide session), the months
// it is held in and its start, all decided by the build; only the first is shown until a filter picks another.
// The cards shown are sorted by the start of the session each shows.
//
// The page loads this script right after the list, so the list is filtered before the rest of the page is laid
// out; a head script (main.html) hides the list until then when the address holds a filter. Nothing moves.
(function () {
  var form = document.getElementById("kursusfilter");
  if (!form) {
    return;
  }
  var names = ["emne", "niveau", "form", "region", "fra", "til"];
  var courseKeys = { emne: "emner", niveau: "niveau" };
  var sessionKeys = { form: "form", region: "regioner" };
  var list = document.querySelector(".kursus-liste");
  var items = Array.prototype.slice.call(list.querySelectorAll(":scope > .kursus-kort"));
  var count = document.getElementById("antal-kurser");
  var chosenBadge = document.getElementById("kursusfilter-valgt");
  var details = document.getElementById("kursusfilter-boks");
  var showButton = document.getElementById("kursusfilter-vis");

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

  // A month (YYYY-MM) fits the span when it lies from "fra" to "til", both included; text compares as dates do.
  function inSpan(month, values) {
    return (!values.fra || month >= values.fra) && (!values.til || month <= values.til);
  }

  function fitsSession(session, values) {
    var months = (session.dataset.maaneder || "").split(" ").filter(Boolean);
    return months.length > 0 && Object.keys(sessionKeys).every(function (name) {
      return !values[name] || has(session.dataset[sessionKeys[name]], values[name]);
    }) && (!(values.fra || values.til) || months.some(function (month) {
      return inSpan(month, values);
    }));
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
    var bySession = ["form", "region", "fra", "til"].some(function (name) {
      return values[name];
    });
    if (!bySession) {
      return sessions[0] || item;
    }
    for (var i = 0; i < sessions.length; i++) {
      if (fitsSession(sessions[i], values)) {
        return sessions[i];
      }
    }
    return null;
  }

  // The cards in the order of the sessions they show: by start, then as the build ordered them (courses without
  // a session last). Without a choice that is the build's order.
  function sortCards(shownSession) {
    var ordered = items.map(function (item, index) {
      return { item: item, start: (shownSession.get(item) || item).dataset.start || "~", index: index };
    }).sort(function (a, b) {
      return a.start < b.start ? -1 : a.start > b.start ? 1 : a.index - b.index;
    });
    ordered.forEach(function (entry) {
      list.appendChild(entry.item);
    });
  }

  function apply(keepInAddress) {
    var values = chosen();
    // A span of months is one choice
    var active = ["emne", "niveau", "form", "region"].filter(function (name) {
      return values[name];
    }).length + (values.fra || values.til ? 1 : 0);
    var shown = 0;
    var shownSession = new Map();
    items.forEach(function (item) {
      var session = fittingSession(item, values);
      item.hidden = !session;
      if (session) {
        shown += 1;
        shownSession.set(item, session);
        item.querySelectorAll(".kursus-kort__hold").forEach(function (other) {
          other.hidden = other !== session;
        });
      }
    });
    sortCards(shownSession);
    showButton.textContent = "Vis " + shown + (shown === 1 ? " kursus" : " kurser");
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
      url.searchParams.delete("maaned"); // written as fra and til
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
    var value = params.get(name) || (name === "fra" || name === "til" ? params.get("maaned") : null);
    if (value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) {
      select.value = value;
    }
  });
  form.addEventListener("change", function (event) {
    // A span the wrong way round becomes the one month just chosen
    var fra = form.elements.fra;
    var til = form.elements.til;
    if (fra.value && til.value && fra.value > til.value) {
      (event.target === fra ? til : fra).value = event.target.value;
    }
    apply(true);
  });
  showButton.addEventListener("click", function () {
    details.open = false;
    var summary = details.querySelector(".filtre__aabn");
    summary.focus();
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
