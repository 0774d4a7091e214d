/* Feedback and rumour forms: once a town is chosen, the neighbourhood list shows only that town's
   areas. Without JavaScript every area is listed, grouped by town, and the server checks the pair. */
(function () {
  "use strict";
  var town = document.getElementById("municipality");
  var area = document.getElementById("area");
  if (!town || !area || town.tagName !== "SELECT") {
    return;
  }
  var groups = Array.prototype.slice.call(area.getElementsByTagName("optgroup"));

  function update() {
    var chosen = town.selectedIndex > 0 ? town.options[town.selectedIndex].text : null;
    groups.forEach(function (group) {
      var show = chosen === null || group.label === chosen;
      group.hidden = !show;
      group.disabled = !show;
    });
    var selected = area.options[area.selectedIndex];
    if (selected && selected.parentNode.tagName === "OPTGROUP" && selected.parentNode.disabled) {
      area.value = "";
    }
  }

  town.addEventListener("change", update);
  update();
}());
