/* Passkeys for staff (WebAuthn), on the login and account pages only. The browser work is done by
   @simplewebauthn/browser (static/js/simplewebauthn-browser.umd.min.js, MIT); this file only asks
   the server for a challenge, hands it to the browser and sends the answer back.

   A button with data-passkey="register" or "login" is hidden until this script runs, so without
   JavaScript (or without WebAuthn) only the one-time code and recovery code forms are shown.
   The CSRF token travels in the X-CSRFToken header; the server checks it like a form's. */
(function () {
  "use strict";
  var lib = window.SimpleWebAuthnBrowser;
  var buttons = Array.prototype.slice.call(document.querySelectorAll("[data-passkey]"));
  if (!lib || !lib.browserSupportsWebAuthn() || buttons.length === 0) {
    return;
  }

  function say(button, text) {
    var status = document.getElementById(button.getAttribute("data-status"));
    if (status) {
      status.textContent = text;
    }
  }

  function post(url, token, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": token, "Content-Type": "application/json", "Accept": "application/json" },
      body: body === undefined ? "{}" : JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          throw new Error(data.error || "");
        }
        return data;
      });
    });
  }

  buttons.forEach(function (button) {
    var wrap = document.getElementById(button.getAttribute("data-wrap")) || button;
    wrap.hidden = false;
    button.hidden = false;
    button.addEventListener("click", function (event) {
      event.preventDefault();
      var mode = button.getAttribute("data-passkey");
      var token = button.getAttribute("data-csrf");
      var nameField = document.getElementById(button.getAttribute("data-name-field") || "");
      button.disabled = true;
      say(button, button.getAttribute("data-working") || "");
      post(button.getAttribute("data-options"), token)
        .then(function (optionsJSON) {
          return mode === "register"
            ? lib.startRegistration({ optionsJSON: optionsJSON })
            : lib.startAuthentication({ optionsJSON: optionsJSON });
        })
        .then(function (credential) {
          return post(button.getAttribute("data-verify"), token, {
            credential: credential,
            name: nameField ? nameField.value : ""
          });
        })
        .then(function (result) {
          window.location.assign(result.redirect);
        })
        .catch(function (error) {
          button.disabled = false;
          var server = error && error.name === "Error" && error.message;
          say(button, server || button.getAttribute("data-failed") || "");
        });
    });
  });
})();
