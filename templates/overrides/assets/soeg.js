// The search page: Pagefind's search box and results, showing each page's title and intro.
// The header's search form sends its words here as ?q=…; the address follows what is searched.
(function () {
  var element = document.getElementById("soeg");
  if (!element || typeof PagefindUI === "undefined") {
    return;
  }
  function escape(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }
  // The site's root, wherever it is published: the search page lives one folder down.
  var root = new URL("..", window.location.href).pathname;
  // A large site's index comes in parts (pagefind/, pagefind-2/, …): pagefind/dele.js names the others.
  var otherParts = (window.searchIndexParts || []).map(function (part) {
    return { bundlePath: root + part };
  });
  var ui = new PagefindUI({
    element: "#soeg",
    baseUrl: root,
    mergeIndex: otherParts,
    showImages: false,
    showSubResults: false,
    resetStyles: false,
    autofocus: true,
    // Danish adjectives in the neuter ('digitalt', 'grønt') are found by their base form;
    // Pagefind matches the beginnings of words, so a dropped 't' loses nothing.
    processTerm: function (term) {
      return term.replace(/([^\s]{3,}[lgnd])t(?=\s|$)/g, "$1");
    },
    processResult: function (result) {
      if (result.meta && result.meta.intro) {
        result.excerpt = escape(result.meta.intro);
        delete result.meta.intro;
      }
      return result;
    },
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    ui.triggerSearch(query);
  }
  var input = element.querySelector("input");
  if (input) {
    input.addEventListener("input", function () {
      var url = new URL(window.location.href);
      if (input.value) {
        url.searchParams.set("q", input.value);
      } else {
        url.searchParams.delete("q");
      }
      window.history.replaceState(null, "", url);
    });
  }
})();
