// Sign-up by e-mail on a course page (templates/pages/_macros.html.jinja, macro signup): the form writes the mail
// from what the resident types. "Send tilmeldingen" opens it in their mail program (a mailto: address with the
// subject and the text); "Kopiér teksten" puts the text on the clipboard, or selects it, for those whose mail
// program does not answer. Nothing is sent or stored: what is typed goes into the mailto: address, the clipboard
// and the page, nowhere else, and always as text (value, textContent), never as HTML.
// The form is hidden in the page as built; this script shows it once it listens for the form's buttons, and hides
// what the page offers without a script (the prefilled mail, the address). It listens on the document, and keeps
// nothing of a form but in the form: a session's box moved or copied by another script keeps working.
(function () {
  "use strict";

  function each(list, action) {
    Array.prototype.forEach.call(list, action);
  }

  // A mailto: address with its subject and text, each percent-encoded (spaces as %20, line ends as %0D%0A)
  function mailHref(address, subject, body) {
    return "mailto:" + encodeURIComponent(address).replace(/%40/g, "@") +
      "?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body);
  }

  // What a form does, from what is in it
  function signup(form) {
    var address = form.dataset.til;
    var fields = form.querySelectorAll("[data-linje]");
    var status = form.querySelector(".tilmelding__status");
    var preview = form.querySelector(".tilmelding__tekst");
    var text = preview.querySelector(".tilmelding__tekstfelt");

    // The mail's text: its first line, then its groups of lines separated by an empty line, each line with what
    // was typed after it; with nothing typed, the text of catalogue/offer.py's SignupMail.body
    function mailText() {
      var groups = [];
      each(form.querySelectorAll(".tilmelding__gruppe"), function (group) {
        var lines = [];
        each(group.querySelectorAll("[data-linje]"), function (field) {
          var value = field.value.trim().replace(/\r\n|\r|\n/g, "\r\n");
          lines.push(field.dataset.linje + (value ? " " + value : ""));
        });
        groups.push(lines.join("\r\n"));
      });
      return [form.dataset.indledning].concat(groups).join("\r\n\r\n");
    }

    function say(message, isError) {
      status.textContent = message;
      status.classList.toggle("tilmelding__status--fejl", Boolean(isError));
    }

    // Each field that is missing or wrong gets its message above it; the first one is focused, and the live
    // region says what to mend. True when all is well.
    function checked() {
      var wrong = [];
      each(fields, function (field) {
        var message = "";
        if (field.dataset.mangler && !field.value.trim()) {
          message = field.dataset.mangler;
        } else if (field.dataset.forkert && field.validity.typeMismatch) {
          message = field.dataset.forkert;
        }
        var error = field.parentNode.querySelector(".tilmelding__fejl");
        error.textContent = message;
        error.hidden = !message;
        if (message) {
          field.setAttribute("aria-invalid", "true");
          field.setAttribute("aria-describedby", error.id);
          wrong.push(message);
        } else {
          field.removeAttribute("aria-invalid");
          field.removeAttribute("aria-describedby");
        }
      });
      if (wrong.length) {
        say((wrong.length === 1 ? "Ret 1 felt: " : "Ret " + wrong.length + " felter: ") + wrong.join(" "), true);
        form.querySelector("[aria-invalid=true]").focus();
        return false;
      }
      show();
      return true;
    }

    // The text as shown and copied: line ends as the page's own (a text box keeps no CR)
    function show() {
      text.value = mailText().replace(/\r\n/g, "\n");
      preview.hidden = false;
    }

    function copied() {
      say("Teksten er kopieret. Skriv en ny mail til " + address + ", og sæt teksten ind.");
    }

    // Without the clipboard (an old browser, or one that refuses): the text is selected, and copied the old way
    // where the browser still can
    function selectText() {
      text.focus();
      text.select();
      text.setSelectionRange(0, text.value.length);
      var done = false;
      try {
        done = document.execCommand("copy");
      } catch (error) {
        done = false;
      }
      if (done) {
        copied();
      } else {
        say("Teksten er markeret. Kopiér den (tryk Ctrl+C, eller hold fingeren på teksten og vælg Kopiér), " +
          "og sæt den ind i en ny mail til " + address + ".");
      }
    }

    return {
      send: function () {
        if (checked()) {
          say("Din e-mail åbner nu med tilmeldingen. Læs den igennem, og tryk Send i din e-mail.");
          window.location.href = mailHref(address, form.dataset.emne, mailText());
        }
      },
      copy: function () {
        if (!checked()) {
          return;
        }
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text.value).then(copied, selectText);
        } else {
          selectText();
        }
      },
      // The text shown follows what is typed after it has been written once
      typed: function () {
        if (!preview.hidden) {
          show();
        }
      }
    };
  }

  function formOf(event, selector) {
    var found = event.target.closest ? event.target.closest(selector) : null;
    return found && found.closest(".tilmelding__formular");
  }

  document.addEventListener("submit", function (event) {
    var form = formOf(event, ".tilmelding__formular");
    if (form) {
      event.preventDefault();
      signup(form).send();
    }
  });
  document.addEventListener("click", function (event) {
    var form = formOf(event, ".tilmelding__kopier");
    if (form) {
      signup(form).copy();
    }
  });
  document.addEventListener("input", function (event) {
    var form = formOf(event, "[data-linje]");
    if (form) {
      signup(form).typed();
    }
  });

  each(document.querySelectorAll(".tilmelding__formular"), function (form) {
    form.hidden = false;
    each(form.parentNode.querySelectorAll(".tilmelding__uden-script"), function (without) {
      without.hidden = true;
    });
  });
}());
