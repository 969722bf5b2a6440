// Closes Material's menu drawer and search when a page is shown again from the browser history. Material marks
// those two toggle checkboxes autocomplete="off" for this; the attribute is invalid on checkboxes, so the build
// removes it (macros/engine/material_markup.py) and this file restores the behaviour. Clicking fires Material's own
// change handlers, so its state follows.
(function () {
  "use strict";

  window.addEventListener("pageshow", function () {
    ["__drawer", "__search"].forEach(function (id) {
      var toggle = document.getElementById(id);
      if (toggle && toggle.checked) {
        toggle.click();
      }
    });
  });
})();
