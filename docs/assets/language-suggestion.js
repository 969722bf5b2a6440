// Suggests, in one line, the version of the page in the visitor's own language, when the browser prefers another
// language of the site than the page's. It never redirects: / stays Dutch. The lines are in the page, hidden, one per
// other language and written in it (overrides/main.html). A dismissed suggestion stays dismissed: the language is
// kept in localStorage under "i2pcc.language-suggestion.dismissed" (no cookie, nothing leaves the browser).
(function () {
  "use strict";
  var KEY = "i2pcc.language-suggestion.dismissed";
  var suggestions = document.querySelectorAll(".i2-language-suggestion[data-i2-language]");
  if (!suggestions.length) return;

  function primary(tag) {
    return String(tag || "").split("-")[0].toLowerCase();
  }

  function dismissed() {
    try {
      return (localStorage.getItem(KEY) || "").split(" ");
    } catch (e) {
      return [];  // storage switched off: the suggestion simply comes back
    }
  }

  function remember(lang) {
    try {
      localStorage.setItem(KEY, dismissed().concat(lang).join(" ").trim());
    } catch (e) {
      // storage switched off: nothing to remember with
    }
  }

  var pageLang = primary(document.documentElement.lang);
  var byLang = {};
  Array.prototype.forEach.call(suggestions, function (element) {
    byLang[element.getAttribute("data-i2-language")] = element;
  });

  // The first of the browser's languages that the site has decides; the page's own language ends the search.
  var preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  var wanted = null;
  for (var i = 0; i < preferred.length; i++) {
    var lang = primary(preferred[i]);
    if (lang === pageLang) return;
    if (byLang[lang]) {
      wanted = lang;
      break;
    }
  }
  if (!wanted || dismissed().indexOf(wanted) !== -1) return;

  var suggestion = byLang[wanted];
  var link = suggestion.querySelector(".i2-language-suggestion__switch");
  var alternate = document.querySelector('link[rel~="alternate"][hreflang="' + link.getAttribute("hreflang") + '"]');
  link.href = alternate ? alternate.href : suggestion.getAttribute("data-i2-home");
  suggestion.querySelector(".i2-language-suggestion__dismiss").addEventListener("click", function () {
    remember(wanted);
    suggestion.hidden = true;
    // Focus would fall back to the start of the document: give it to the skip link, the first thing there.
    var skip = document.querySelector(".md-skip");
    if (skip) skip.focus();
  });
  suggestion.hidden = false;
})();
