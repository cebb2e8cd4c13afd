// The little JavaScript muster's pages use; the CSP forbids inline scripts, so it all lives here.
(function () {
  // Dyad page: draw the timeline from the figure JSON the page carries.
  var data = document.getElementById("timeline-data");
  var target = document.getElementById("timeline");
  if (data && target && window.Plotly) {
    var fig = JSON.parse(data.textContent);
    window.Plotly.newPlot(target, fig.data, fig.layout, {responsive: true, displaylogo: false});
  }
  // Document page: #ev-ID in the address highlights that event's whole evidence sentence.
  function focus() {
    document.querySelectorAll(".ann-focus").forEach(function (el) { el.classList.remove("ann-focus"); });
    var m = /^#ev-([0-9a-zA-Z_-]+)$/.exec(window.location.hash);
    if (!m) { return; }
    document.querySelectorAll(".doctext [data-ev]").forEach(function (el) {
      if (el.getAttribute("data-ev").split(" ").indexOf(m[1]) >= 0) { el.classList.add("ann-focus"); }
    });
  }
  if (document.querySelector(".doctext")) {
    focus();
    window.addEventListener("hashchange", focus);
  }
})();
