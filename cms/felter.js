// The form's own fields (/admin/), registered with Decap CMS before it reads cms/config.yml. Written by hand;
// `build.py` serves it beside Decap at /admin/, and catalogue/cms.py names these widgets in the configuration.
//
// heltal: a whole number kept exactly as typed. Decap's number widget reads every keystroke with parseInt and
// writes the result back into the box, so "1.450" became 150 and "kr. 1.450" 50 (tests/test_cms_browser.py).
// Here the box holds the text the editor typed; the field's value is the number only when that text is plain
// decimal digits (FORMAT.md 2.1), and otherwise the text itself, which the field refuses in Danish.
//
// tjek-af-holdene: a session has either its own start and end or its meetings (at least two), never both; and a
// session held somewhere needs its venue and region (FORMAT.md §1: `sted` and `region` are required unless the
// session's form, its own or else the course's, is online). Decap cannot make a field required by another field's
// value, so this field shows, while the editor works, what each session lacks or has twice, and refuses to save
// until it is right. It never has a value of its own: nothing of it is written to the file.
//
// A session's times emptied in the form are left out of the file: a start or end cleared with 'Ryd' (Decap wrote
// `start: ""`, and `start: null` for a widget's undefined) and a list of meetings whose every meeting was removed
// (`mødegange: []`): each such key made a session with both its own times and its meetings, which check refuses
// (FORMAT.md §1). A widget cannot leave its key out (Decap sets the key in the session whatever the widget's value),
// so a handler does it as Decap saves (preSave, below).
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  var createClass = window.createClass;
  if (!CMS || !h || !createClass) {
    return;
  }

  var WHOLE = /^(0|[1-9][0-9]*)$/;
  var EXACT_DIGITS = 15;  // parseInt gives the very number up to here; every bound of the forms is far below
  // What only one whole number can mean: Danish thousands ('1.450') or digits, with 'kr.' before or after. A part
  // of check's rule (catalogue/fields.py, meant_whole_number), which has the rest; what this finds, it finds too.
  var AMOUNT = "([1-9][0-9]{0,2}(?:\\.[0-9]{3})+|[0-9]+)";  // '1.450' or '1450'
  var MEANT = new RegExp("^(?:kr\\.?\\s*" + AMOUNT + "|" + AMOUNT + "(?:\\s*kr\\.?)?)$", "i");

  // 1450 as the site writes it: 1.450
  function danishNumber(number) {
    return String(number).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  function fieldLabel(field) {
    return field.get("label", field.get("name"));
  }

  // The field's value for the text in the box: the number if the text is one as FORMAT.md writes it (spaces
  // around it allowed, as in the files), else the text as typed; nothing for an empty box, so that the key is
  // left out of the file (Decap's number widget wrote `pladser: ""`, which check refuses).
  function valueOf(text) {
    var trimmed = text.trim();
    if (trimmed === "") {
      return undefined;
    }
    return WHOLE.test(trimmed) && trimmed.length <= EXACT_DIGITS ? parseInt(trimmed, 10) : text;
  }

  function textOf(value) {
    return value === undefined || value === null ? "" : String(value);
  }

  // Why the field cannot hold ``value``, in Danish; null when it can (an empty field is Decap's to require).
  function wholeNumberProblem(field, value) {
    var text = textOf(value).trim();
    var label = fieldLabel(field);
    if (text === "") {
      return null;
    }
    if (!WHOLE.test(text)) {
      var shown = text.length > 40 ? text.slice(0, 40) + "…" : text;
      var meant = MEANT.exec(text);
      if (meant) {
        return label + ": '" + shown + "' skal skrives med cifrene 0–9 alene; skriv " +
          parseInt((meant[1] || meant[2]).replace(/\./g, ""), 10);
      }
      return label + ": '" + shown + "' er ikke et helt tal skrevet med cifrene 0–9; skriv kun cifrene, uden " +
        "punktum, komma, mellemrum og 'kr.'";
    }
    var number = parseInt(text, 10);
    var min = field.get("min");
    var max = field.get("max");
    var low = typeof min === "number" && number < min;
    var high = typeof max === "number" && number > max;
    if (!low && !high) {
      return null;
    }
    if (typeof min === "number" && typeof max === "number") {
      return label + ": skal være fra " + danishNumber(min) + " til " + danishNumber(max);
    }
    return low ? label + ": skal være mindst " + danishNumber(min) : label + ": må højst være " + danishNumber(max);
  }

  var WholeNumberControl = createClass({
    getInitialState: function () {
      return { text: textOf(this.props.value) };
    },
    componentDidUpdate: function (previous) {
      // A value set from outside (an entry opened, a draft restored) replaces the text; one typed here does not.
      if (previous.value !== this.props.value && valueOf(this.state.text) !== this.props.value) {
        this.setState({ text: textOf(this.props.value) });
      }
    },
    handleChange: function (event) {
      var text = event.target.value;
      this.setState({ text: text });
      this.props.onChange(valueOf(text));
    },
    handleBlur: function () {
      this.props.setInactiveStyle();
      if (this.state.text.trim() !== "" && typeof this.props.validate === "function") {
        this.props.validate();  // said when the editor leaves the field, not only when saving
      }
    },
    isValid: function () {
      var problem = wholeNumberProblem(this.props.field, this.props.value);
      return problem ? { error: { type: "CUSTOM", parentIds: this.props.parentIds, message: problem } } : true;
    },
    render: function () {
      return h("input", {
        type: "text", inputMode: "numeric", autoComplete: "off", id: this.props.forID,
        className: this.props.classNameWrapper, value: this.state.text,
        onFocus: this.props.setActiveStyle, onBlur: this.handleBlur, onChange: this.handleChange
      });
    }
  });

  var WholeNumberPreview = createClass({
    render: function () {
      return h("p", null, textOf(this.props.value));
    }
  });

  CMS.registerWidget("heltal", WholeNumberControl, WholeNumberPreview);

  var ONLINE = "online";  // the taxonomy's form one attends from home (models.ONLINE; the build requires it)
  var VENUE = [["navn", "navn"], ["adresse", "adresse"], ["postnr", "postnummer"], ["by", "by"]];

  function filled(value) {
    return value !== undefined && value !== null && String(value).trim() !== "";
  }

  function listed(words) {
    return words.length < 2 ? words.join("") : words.slice(0, -1).join(", ") + " og " + words[words.length - 1];
  }

  // The label the form shows for a form's key ("Fremmøde" for fysisk), from the course's own select field.
  function formLabel(collection, key) {
    var fields = collection && collection.get("fields");
    var field = fields && fields.find(function (f) { return f.get("name") === "form"; });
    var option = field && field.get("options") && field.get("options").find(function (o) {
      return o.get("value") === key;
    });
    return option ? option.get("label") : key;
  }

  var MEETINGS = "mødegange";  // a session held over several meetings (FORMAT.md §1; models.MEETINGS)
  var OWN_TIMES = [["start", "Start"], ["slut", "Slut"]];  // the session's own times: key, and label on the form

  // A session's meetings; none for a list emptied in the form, which is not written to the file either (preSave).
  function meetingsOf(session) {
    var meetings = session.get(MEETINGS);
    return meetings && meetings.size ? meetings : null;
  }

  // "Hold 2 (2027-04-07 18:00)": the session's number, and when it begins: its own start, or its first meeting's.
  function sessionName(session, index) {
    var meetings = meetingsOf(session);
    var first = meetings && meetings.first();
    var start = filled(session.get("start")) ? session.get("start") : first && first.get ? first.get("start") : null;
    return "Hold " + (index + 1) + (filled(start) ? " (" + start + ")" : "");
  }

  // What is wrong with a session's times (FORMAT.md §1: its own start and end, or at least two meetings, never
  // both), in Danish, and whether it is something missing; null when they are right.
  function timesProblem(session, name) {
    var meetings = meetingsOf(session);
    var own = OWN_TIMES.filter(function (key) { return filled(session.get(key[0])); });
    var lacking = OWN_TIMES.filter(function (key) { return own.indexOf(key) < 0; });
    var keys = function (times) { return listed(times.map(function (key) { return key[0]; })); };
    var labels = function (times) { return listed(times.map(function (key) { return key[1]; })); };
    if (meetings && own.length) {
      return { missing: false, text: name + " har både mødegange og sin egen " + keys(own) + ". Et hold har enten " +
        "start og slut eller mødegange: tøm holdets " + labels(own) + " med Ryd, eller fjern mødegangene." };
    }
    if (meetings && meetings.size < 2) {
      return { missing: true, text: name + " har kun én mødegang. Tilføj mindst én mere, eller skriv tiden under " +
        "holdets Start og Slut og fjern mødegangen, hvis holdet kun mødes én gang." };
    }
    if (meetings || !lacking.length) {
      return null;
    }
    return { missing: true, text: name + " mangler " + keys(lacking) + ". Udfyld " +
      (lacking.length > 1 ? "holdets Start og Slut, eller tilføj mindst to mødegange, hvis holdet mødes flere gange."
        : labels(lacking) + ".") };
  }

  // What each session lacks of its times, venue and region, in Danish, one sentence a problem (FORMAT.md §1), and
  // whether it is something missing.
  function sessionProblems(entry, collection) {
    var course = entry && entry.get("data");
    var sessions = course && course.get("hold");
    var found = [];
    if (!sessions || !sessions.forEach) {
      return found;
    }
    sessions.forEach(function (session, index) {
      if (!session || !session.get) {
        return;
      }
      var name = sessionName(session, index);
      var times = timesProblem(session, name);
      if (times) {
        found.push(times);
      }
      var own = filled(session.get("form"));
      var form = own ? session.get("form") : course.get("form");
      var venue = session.get("sted");
      var given = venue && venue.get ? VENUE.filter(function (part) { return filled(venue.get(part[0])); }) : [];
      // A venue given must be whole, online or not; one held somewhere needs a venue and a region.
      var partly = given.length ? VENUE.filter(function (part) { return given.indexOf(part) < 0; })
        .map(function (part) { return part[1]; }) : [];
      var inPerson = filled(form) && form !== ONLINE;  // no form chosen yet: Decap asks for the course's first
      var missing = !inPerson ? [] : (given.length ? [] : ["sted"])
        .concat(filled(session.get("region")) ? [] : ["region"]);
      if (!missing.length && !partly.length) {
        return;
      }
      var what = [missing.length ? listed(missing) : "", partly.length ? listed(partly) + " under Sted" : ""]
        .filter(Boolean).join(" samt ");
      var whose = own ? "holdets" : "kursets";
      found.push({ missing: true, text: name + (inPerson ? " har formen " + formLabel(collection, form) + " (" +
        whose + ") og" : "") + " mangler " + what + ". Udfyld " + (missing.length + partly.length > 1 ? "dem" : "det") +
        (missing.length ? ", eller vælg " + formLabel(collection, ONLINE) + " under holdets Form, hvis holdet er " +
          "online." : ".") });
    });
    return found;
  }

  // A session's times left empty are not written: a start or end cleared, a list of meetings emptied.
  function withoutEmptyTimes(session) {
    if (!session || !session.get) {
      return session;
    }
    var emptied = OWN_TIMES.map(function (key) { return key[0]; }).filter(function (key) {
      return session.has(key) && !filled(session.get(key));
    }).concat(session.has(MEETINGS) && !meetingsOf(session) ? [MEETINGS] : []);
    return emptied.reduce(function (kept, key) { return kept.delete(key); }, session);
  }

  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var data = event.entry.get("data");
      var sessions = event.entry.get("collection") === "kurser" && data && data.get("hold");
      // undefined: the data as it is
      return sessions && sessions.map ? data.set("hold", sessions.map(withoutEmptyTimes)) : undefined;
    }
  });

  function texts(problems) {
    return problems.map(function (problem) { return problem.text; });
  }

  // Decap renders a field again when its own value changes, and this one has none: so it looks at the entry being
  // edited a few times a second, and says what is missing as the editor types.
  var SessionCheckControl = createClass({
    getInitialState: function () {
      return { entry: this.currentEntry() };
    },
    componentDidMount: function () {
      var control = this;
      this.timer = window.setInterval(function () {
        var entry = control.currentEntry();
        if (entry !== control.state.entry) {
          control.setState({ entry: entry });
        }
      }, 250);
    },
    componentWillUnmount: function () {
      window.clearInterval(this.timer);
    },
    currentEntry: function () {
      return typeof this.props.getEntry === "function" ? this.props.getEntry() : this.props.entry;
    },
    getValidateValue: function () {
      // Decap asks a required field for a value, and this one never has one (it is not in the file); required all
      // the same, so that its label does not say "kan udelades".
      return "-";
    },
    isValid: function () {
      var problems = sessionProblems(this.currentEntry(), this.props.collection);
      // PRESENCE: what is missing is a required field, and Decap then says so at the top as well; times given twice,
      // with nothing missing, are said here alone (Decap's message at the top would say a field is missing).
      var missing = problems.some(function (problem) { return problem.missing; });
      return problems.length ? { error: { type: missing ? "PRESENCE" : "CUSTOM", parentIds: this.props.parentIds,
                                          message: texts(problems).join(" ") } } : true;
    },
    render: function () {
      var entry = this.state.entry;
      var problems = sessionProblems(entry, this.props.collection);
      var sessions = entry && entry.getIn(["data", "hold"]);
      var lines = problems.length ? texts(problems) : sessions && sessions.size
        ? ["Alle hold har start og slut eller mindst to mødegange.",
           "Alle hold, der ikke er online, har sted og region."]
        : ["Der er ingen hold endnu."];
      return h("div", { id: this.props.forID, className: this.props.classNameWrapper, role: "status" },
        lines.map(function (line, index) { return h("p", { key: index, style: { margin: 0 } }, line); }));
    }
  });

  CMS.registerWidget("tjek-af-holdene", SessionCheckControl, function () { return null; });
}());
