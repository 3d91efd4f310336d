// "Hvor bor du?": the resident chooses a region (or types a postal code) once, on the catalogue, a course page or a
// learning path; it is kept in this browser (localStorage, never sent anywhere) and shown, changeable with one
// press. With a region chosen, a course page's first box and its "Tilmeld dig" are for the next open session that
// fits it (an online or nationwide session fits every region), the others listed below; a learning path's steps
// show the sessions that fit. A session named in the address (/kurser/x/#hold-2027-03-16, as a filtered card of
// the catalogue links to it) is shown first whatever the region. Without a choice the page stays as built.
//
// The build writes everything this needs into the page: each session's box, the regions it is for and whether it
// is open (data-regioner, data-aaben), the regions to choose from, and how postal codes map to them
// (data-postnumre, as `check` maps them). The script only shows, hides and marks what is there; it makes no HTML.
// The boxes lie on top of each other (kursus.css, .hold-valg), so showing another one moves nothing.
(function () {
  var root = document.querySelector(".hvor-bor-du");
  if (!root) {
    return;
  }
  var STORAGE_KEY = "kurser.region";
  // The catalogue's filters that choose a card's session (kursusfilter.js): with one of them in the address, a card
  // links to the session it shows.
  var SESSION_FILTERS = ["form", "region", "maaned", "fra", "til"];

  var kind = root.dataset.side;
  var opener = root.querySelector(".hvor-bor-du__aabn");
  var panel = root.querySelector(".hvor-bor-du__valg");
  var message = root.querySelector(".hvor-bor-du__besked");
  var regionButtons = Array.prototype.slice.call(root.querySelectorAll(".hvor-bor-du__region"));
  var postalForm = root.querySelector(".hvor-bor-du__postnr");
  var postalInput = postalForm.elements.postnr;
  var postalError = root.querySelector(".hvor-bor-du__fejl");
  var names = {};
  regionButtons.forEach(function (button) {
    names[button.dataset.region] = button.textContent;
  });

  // "1000:hovedstaden 2670:sjaelland …": from each first postal code on, its region (empty: none sure).
  var postalRows = (root.dataset.postnumre || "").split(" ").map(function (row) {
    var parts = row.split(":");
    return { from: parseInt(parts[0], 10), region: parts[1] || "" };
  });

  function regionOfPostalCode(code) {
    var found = "";
    postalRows.forEach(function (row) {
      if (row.from <= code) {
        found = row.region;
      }
    });
    return found;
  }

  // The region kept in this browser, if it is one of this site's. Without storage (blocked, private mode) the
  // choice holds on this page only.
  var current = "";
  try {
    current = window.localStorage.getItem(STORAGE_KEY) || "";
  } catch (error) {
    current = "";
  }
  if (!Object.prototype.hasOwnProperty.call(names, current)) {
    current = "";
  }

  function keep(region) {
    current = region;
    try {
      if (region) {
        window.localStorage.setItem(STORAGE_KEY, region);
      } else {
        window.localStorage.removeItem(STORAGE_KEY);
      }
    } catch (error) {
      // kept for this page only
    }
  }

  function has(list, value) {
    return (list || "").split(" ").indexOf(value) >= 0;
  }

  function say(text) {
    message.textContent = text;
  }

  // The button's text: "ingen" (nothing chosen), "valgt" or "intet" (no open session fits, course pages only).
  function label(state) {
    root.querySelectorAll(".hvor-bor-du__tekst").forEach(function (text) {
      text.hidden = !text.classList.contains("hvor-bor-du__tekst--" + state);
    });
    root.querySelectorAll(".hvor-bor-du__navn").forEach(function (name) {
      name.textContent = names[current] || "";
    });
    regionButtons.forEach(function (button) {
      button.setAttribute("aria-pressed", button.dataset.region === current ? "true" : "false");
    });
  }

  // Shows one session of a group (.hold-valg) and hides the others; returns it.
  function show(group, session) {
    Array.prototype.forEach.call(group.children, function (other) {
      other.hidden = other !== session;
    });
    return session;
  }

  function standard(group) {
    return group.querySelector(":scope > .hold-valg__hold--standard");
  }

  function firstFitting(group, region) {
    var sessions = group.querySelectorAll(":scope > .hold-valg__hold[data-aaben]");
    for (var i = 0; i < sessions.length; i++) {
      if (has(sessions[i].dataset.regioner, region)) {
        return sessions[i];
      }
    }
    return null;
  }

  function anchor() {
    var name = window.location.hash.slice(1);
    return /^hold-[0-9-]+$/.test(name) ? name : "";
  }

  // A course page: the session named in the address, else the first open one that fits the region, else the one
  // the page put first. The list of the others then holds every session but that one.
  function applyCourse() {
    var group = document.querySelector(".naeste-hold .hold-valg");
    if (!group) {
      label(current ? "valgt" : "ingen");
      return null;
    }
    var named = anchor();
    var session = null;
    Array.prototype.forEach.call(group.children, function (candidate) {
      if (named && candidate.id === named) {
        session = candidate;
      }
    });
    var fits = session || !current ? null : firstFitting(group, current);
    label(!current ? "ingen" : session || fits ? "valgt" : "intet");
    var shown = show(group, session || fits || standard(group));
    document.querySelectorAll(".hold-liste > .hold[data-hold]").forEach(function (item) {
      item.hidden = item.dataset.hold === shown.id;
    });
    return { shown: shown, fits: Boolean(fits) };
  }

  // A learning path: each course step shows its first open session that fits, or the first with a line saying
  // there is none near (a copy of it the build made for this).
  function applyPath() {
    label(current ? "valgt" : "ingen");
    var none = 0;
    document.querySelectorAll(".forloeb-trin__trin").forEach(function (step) {
      var group = step.querySelector(".hold-valg");
      if (!group) {
        return;
      }
      var fits = current ? firstFitting(group, current) : null;
      var notHere = group.querySelector(":scope > .hold-valg__hold--ikke-her");
      show(group, fits || (current && notHere) || standard(group));
      if (current && !fits) {
        none += 1;
      }
    });
    return none;
  }

  // The catalogue: a card links to the session it shows when the filters chose it, so the course page opens with
  // that session first (and a shared link keeps it).
  function linkCards() {
    var params = new URLSearchParams(window.location.search);
    var bySession = SESSION_FILTERS.some(function (name) {
      return params.get(name);
    });
    document.querySelectorAll(".kursus-kort").forEach(function (card) {
      var link = card.querySelector(".kursus-kort__titel a");
      var shown = card.querySelector(".kursus-kort__hold[data-hold]:not([hidden])");
      if (!link) {
        return;
      }
      var hash = bySession && shown ? "#" + shown.dataset.hold : "";
      if (link.hash !== hash) {
        link.hash = hash;
      }
    });
  }

  function applyCatalogue(chosenHere) {
    label(current ? "valgt" : "ingen");
    var filters = document.getElementById("kursusfilter");
    var select = filters && filters.elements.region;
    if (chosenHere && select && select.querySelector('option[value="' + CSS.escape(current) + '"]')) {
      select.value = current;
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }

  function apply(chosenHere) {
    if (kind === "kursus") {
      return applyCourse();
    }
    if (kind === "forloeb") {
      return applyPath();
    }
    return applyCatalogue(chosenHere);
  }

  function what(result) {
    var when = result.shown.querySelector(".naeste-hold__tid");
    var where = result.shown.querySelector(".naeste-hold__sted");
    return (when ? when.textContent : "") + (where ? ", " + where.textContent : "");
  }

  function open(state) {
    panel.hidden = !state;
    opener.setAttribute("aria-expanded", state ? "true" : "false");
  }

  function choose(region) {
    keep(region);
    postalInput.removeAttribute("aria-invalid");
    postalError.hidden = true;
    if (kind === "kursus" && anchor()) {
      // The resident's own choice now decides, not the session the link named.
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
    var result = apply(true);
    open(false);
    opener.focus();
    if (!region) {
      say("Dit område er glemt." + (kind === "kursus" && result ? " Næste hold: " + what(result) + "." : ""));
    } else if (kind === "kursus" && result) {
      say(result.fits
        ? "Dit område er " + names[region] + ". Næste hold, der passer: " + what(result) + "."
        : "Dit område er " + names[region] + ". Der er intet hold i " + names[region] +
          ", du kan tilmelde dig lige nu. Næste hold: " + what(result) + ".");
    } else if (kind === "forloeb") {
      say("Dit område er " + names[region] + ". Trinnene viser de hold, der passer." +
        (result ? " " + result + (result === 1 ? " kursus har" : " kurser har") + " intet hold i dit område lige nu." : ""));
    } else {
      say("Dit område er " + names[region] + ".");
    }
  }

  function refuse(text) {
    postalInput.setAttribute("aria-invalid", "true");
    postalError.textContent = text;
    postalError.hidden = false;
    say(text);
    postalInput.focus();
  }

  opener.addEventListener("click", function () {
    open(panel.hidden);
    if (!panel.hidden) {
      (regionButtons.filter(function (button) {
        return button.dataset.region === current;
      })[0] || regionButtons[0]).focus();
    }
  });
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      open(false);
      opener.focus();
    }
  });
  regionButtons.forEach(function (button) {
    button.addEventListener("click", function () {
      choose(button.dataset.region);
    });
  });
  postalForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = postalInput.value.replace(/\s+/g, "");
    if (!/^[0-9]{4}$/.test(text)) {
      refuse("Skriv dit postnummer med fire cifre, fx 8700.");
      return;
    }
    var region = regionOfPostalCode(parseInt(text, 10));
    if (!Object.prototype.hasOwnProperty.call(names, region)) {
      refuse("Vi ved ikke, hvilken region postnummer " + text + " hører til. Vælg din region ovenfor.");
      return;
    }
    postalInput.value = "";
    choose(region);
  });
  root.querySelector(".hvor-bor-du__glem-knap").addEventListener("click", function () {
    choose("");
  });

  if (kind === "kursus") {
    window.addEventListener("hashchange", function () {
      if (anchor()) {
        applyCourse();
      }
    });
  }
  if (kind === "katalog") {
    var list = document.querySelector(".kursus-liste");
    if (list) {
      // kursusfilter.js shows a card's session by its hidden attribute; follow it, whatever changed it.
      new MutationObserver(linkCards).observe(list, { subtree: true, attributes: true, attributeFilter: ["hidden"] });
    }
    // and the address, which it changes after the cards (a filter may change it and no card)
    var filters = document.getElementById("kursusfilter");
    if (filters) {
      filters.addEventListener("change", function () {
        window.setTimeout(linkCards, 0);
      });
      filters.addEventListener("click", function () {
        window.setTimeout(linkCards, 0);
      });
    }
    linkCards();
  }
  apply(false);
})();
