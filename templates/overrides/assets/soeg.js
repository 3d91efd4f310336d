// The search page: a search field and a plain list of results on Pagefind's JS API. Each result says what
// kind of page it is (Kursus, Skabelon, …), links its title and shows its intro. The header's search form
// sends its words here as ?q=…; the address follows what is searched. Every text is set with textContent.
(function () {
  "use strict";
  var element = document.getElementById("soeg");
  if (!element) {
    return;
  }
  var PAGE_SIZE = 10;
  var MIN_COMPOUND = 7; // as catalogue/search.py's MIN_WORD: shorter words are never split
  // The site's root, wherever it is published: the search page lives one folder down.
  var root = new URL("..", window.location.href).pathname;

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  // The search box, its label and button, the status line (a live region) and the list.
  var form = make("form", "soeg__form");
  form.setAttribute("role", "search");
  var label = make("label", "soeg__etiket", "Søg efter kurser, skabeloner og vejledninger");
  label.htmlFor = "soeg-felt";
  var row = make("div", "soeg__linje");
  var input = make("input", "soeg__felt");
  input.id = "soeg-felt";
  input.type = "search";
  input.name = "q";
  input.autocomplete = "off";
  input.setAttribute("enterkeyhint", "search");
  var button = make("button", "soeg__knap", "Søg");
  button.type = "submit";
  row.append(input, button);
  form.append(label, row);
  var status = make("p", "soeg__status");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  var list = make("ul", "soeg__resultater");
  var more = make("button", "soeg__flere", "Vis flere resultater");
  more.type = "button";
  more.hidden = true;
  element.replaceChildren(form, status, list, more);

  // Danish adjectives in the neuter ('digitalt', 'grønt') are found by their base form;
  // Pagefind matches the beginnings of words, so a dropped 't' loses nothing.
  function processTerm(term) {
    return term.replace(/([^\s]{3,}[lgnd])t(?=\s|$)/g, "$1");
  }

  var pagefind = null;
  function load() {
    if (!pagefind) {
      pagefind = import(root + "pagefind/pagefind.js").then(function (module) {
        // A large site's index comes in parts (pagefind/, pagefind-2/, …): pagefind/dele.js names the others.
        var others = window.searchIndexParts || [];
        return module.options({ baseUrl: root }).then(function () {
          return Promise.all(others.map(function (part) {
            return module.mergeIndex(root + part);
          }));
        }).then(function () {
          return module;
        });
      });
    }
    return pagefind;
  }

  // The site's compounds and their parts (written by the build beside this page): in a query of several words,
  // a compound is searched as its parts, so 'referat afdelingsmøde' finds the page on 'afdelingsbestyrelsens møder'.
  var compounds = null;
  function loadCompounds() {
    if (!compounds) {
      compounds = fetch(root + "soeg/sammensatte.json").then(function (response) {
        return response.ok ? response.json() : {};
      }).catch(function () {
        return {};
      });
    }
    return compounds;
  }

  function words(query) {
    return query.toLowerCase().split(/\s+/).filter(Boolean);
  }

  // One word as it is searched: its parts, when it is one of the site's compounds.
  function expand(word, known) {
    var parts = word.length >= MIN_COMPOUND && Object.prototype.hasOwnProperty.call(known, word) ? known[word] : null;
    return parts ? parts.join(" ") : word;
  }

  // Results as Pagefind ranks them, each page once (the parts of a large site's index never share a page).
  function unique(results) {
    var seen = {};
    return results.filter(function (result) {
      if (seen[result.id]) {
        return false;
      }
      seen[result.id] = true;
      return true;
    });
  }

  // When no page has every word: each word searched alone, the pages ranked by how many words they have, then
  // by Pagefind's score added up over the words. With three words or more, only pages with two of them or more
  // (when there are any).
  function bestPartial(module, terms) {
    return Promise.all(terms.map(function (term) {
      return module.search(term);
    })).then(function (searches) {
      var pages = {};
      searches.forEach(function (search) {
        unique(search.results).forEach(function (result) {
          var page = pages[result.id] || (pages[result.id] = { result: result, words: 0, score: 0 });
          page.words += 1;
          page.score += result.score;
        });
      });
      var ranked = Object.keys(pages).map(function (id) {
        return pages[id];
      });
      var best = ranked.reduce(function (most, page) {
        return Math.max(most, page.words);
      }, 0);
      var needed = terms.length >= 3 ? Math.min(2, best) : 1;
      return ranked.filter(function (page) {
        return page.words >= needed;
      }).sort(function (a, b) {
        return b.words - a.words || b.score - a.score;
      }).map(function (page) {
        return page.result;
      });
    });
  }

  function card(data) {
    var item = make("li", "soeg-resultat");
    item.append(make("p", "soeg-resultat__type", (data.meta && data.meta.type) || "Side"));
    var heading = make("h2", "soeg-resultat__titel");
    var link = make("a", "soeg-resultat__link", (data.meta && data.meta.title) || data.url);
    link.href = data.url;
    heading.append(link);
    item.append(heading);
    var intro = data.meta && data.meta.intro;
    if (intro) {
      item.append(make("p", "soeg-resultat__intro", intro));
    }
    return item;
  }

  var shown = [];
  var showing = 0;
  var current = 0; // the latest search: an older one that answers late is dropped
  // The next results' cards, once their pages' data have come; a new search's status line is set with them.
  function showMore(search, statusText) {
    var next = shown.slice(showing, showing + PAGE_SIZE);
    return Promise.all(next.map(function (result) {
      return result.data();
    })).then(function (pages) {
      if (search !== current) {
        return;
      }
      if (statusText !== undefined) {
        list.replaceChildren();
        status.textContent = statusText;
      }
      showing += pages.length;
      pages.forEach(function (data) {
        list.append(card(data));
      });
      more.hidden = showing >= shown.length;
    });
  }

  function count(n) {
    return n === 1 ? "1 resultat" : n + " resultater";
  }

  function run(query) {
    var search = ++current;
    var typed = query.trim();
    if (!typed) {
      shown = [];
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      return Promise.resolve();
    }
    var quoted = "\u201d" + typed + "\u201d";
    var typedWords = words(processTerm(typed));
    // The compounds are fetched only for a query of several words.
    return Promise.all([load(), typedWords.length > 1 ? loadCompounds() : {}]).then(function (loaded) {
      var module = loaded[0];
      var terms = typedWords.length > 1 ? typedWords.map(function (word) {
        return expand(word, loaded[1]);
      }) : typedWords;
      return module.search(terms.join(" ")).then(function (all) {
        var results = unique(all.results);
        if (results.length || terms.length < 2) {
          return { results: results, partial: false };
        }
        return bestPartial(module, terms).then(function (partial) {
          return { results: partial, partial: true };
        });
      });
    }).then(function (found) {
      if (search !== current) {
        return;
      }
      shown = found.results;
      showing = 0;
      if (!shown.length) {
        list.replaceChildren();
        more.hidden = true;
        status.textContent = "Ingen resultater for " + quoted + ". Prøv et andet ord, eller færre ord.";
        return;
      }
      return showMore(search, found.partial
        ? "Ingen sider indeholder alle ordene i " + quoted + ". Her er de sider, der passer bedst: " +
          count(shown.length) + ", dem med flest af ordene først."
        : count(shown.length) + " for " + quoted + ".");
    }).catch(function () {
      if (search === current) {
        status.textContent = "Søgningen virker ikke lige nu. Prøv igen senere.";
      }
    });
  }

  function follow(query) {
    var url = new URL(window.location.href);
    if (query) {
      url.searchParams.set("q", query);
    } else {
      url.searchParams.delete("q");
    }
    window.history.replaceState(null, "", url);
  }

  var timer = 0;
  input.addEventListener("input", function () {
    follow(input.value);
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      run(input.value);
    }, 120);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    follow(input.value);
    run(input.value);
  });
  more.addEventListener("click", function () {
    var first = showing;
    showMore(current).then(function () {
      // Keyboard users go on from the first new result.
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) {
        link.focus();
      }
    });
  });

  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    input.value = query;
    run(query);
  } else {
    input.focus();
  }
})();
