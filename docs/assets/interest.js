// Expression of interest (interest.md): turns the visitor's choices into an e-mail in their own e-mail program.
// Nothing is sent or stored by the site. Every word comes from the page (data-* attributes written from locales/
// and data/), so this file holds no text of its own. Without JavaScript the form stays hidden and the page's
// plain list of whom to write to is the way to take part.
(function () {
  "use strict";

  var form = document.getElementById("i2-interest");
  var result = document.getElementById("i2-interest-result");
  if (!form || !result) {
    return;
  }
  form.hidden = false;

  function unique(items) {
    return items.filter(function (item, index) {
      return item && items.indexOf(item) === index;
    });
  }

  function chosen(fieldset) {
    return Array.prototype.filter.call(fieldset.querySelectorAll("input"), function (input) {
      return input.checked;
    });
  }

  function recipients() {
    var addresses = [];
    chosen(form.querySelector('input[name="region"]').closest("fieldset")).forEach(function (input) {
      addresses = addresses.concat(input.dataset.recipients.split(","));
    });
    addresses = unique(addresses);
    return addresses.length ? addresses : form.dataset.generalRecipients.split(",");
  }

  function compose() {
    var data = form.dataset;
    var regions = chosen(form.querySelector('input[name="region"]').closest("fieldset")).map(function (input) {
      return input.dataset.name;
    });
    var subject = regions.length
      ? data.subjectRegions.replace("{regions}", regions.join(data.separator))
      : data.subject;
    var lines = [data.greeting, ""];
    form.querySelectorAll("[data-mail-label]").forEach(function (field) {
      var label = field.dataset.mailLabel;
      if (field.tagName === "FIELDSET") {
        var names = chosen(field).map(function (input) { return input.dataset.name; });
        if (names.length) {
          lines.push(label + data.colon + names.join(data.separator));
        }
      } else if (field.dataset.long) {
        if (field.value.trim()) {
          lines.push("", label + data.colon.trim(), field.value.trim().replace(/\r?\n/g, "\r\n"));
        }
      } else if (field.value.trim()) {
        lines.push(label + data.colon + field.value.trim());
      }
    });
    return { to: recipients(), subject: subject, body: lines.join("\r\n") + "\r\n" };
  }

  function mailtoUrl(mail) {
    // RFC 6068: each address percent-encoded except its @; subject and body fully percent-encoded (UTF-8).
    var to = mail.to.map(function (address) {
      return encodeURIComponent(address).replace(/%40/g, "@");
    }).join(",");
    return "mailto:" + to + "?subject=" + encodeURIComponent(mail.subject) +
      "&body=" + encodeURIComponent(mail.body);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var mail = compose();
    document.getElementById("i2-result-to").textContent = mail.to.join(form.dataset.separator);
    document.getElementById("i2-result-subject").textContent = mail.subject;
    document.getElementById("i2-result-body").value = mail.body;
    document.getElementById("i2-mail-link").href = mailtoUrl(mail);
    result.hidden = false;
    document.getElementById("i2-result-heading").focus();
  });
})();
