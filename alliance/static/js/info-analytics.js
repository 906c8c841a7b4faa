/* The homepage-visits chart (info/analytics/report.html): one line per year over the twelve months, drawn
   from the json_script block "analytics-data"; the table above it holds the same figures. */
(function () {
  "use strict";

  function start() {
    var source = document.getElementById("analytics-data");
    var canvas = document.getElementById("chart-visits");
    if (!source || !canvas || typeof window.Chart === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    var Chart = window.Chart;
    var palette = ["#868e96", "#12a4a4", "#3552c8", "#e07a1f", "#8e44ad", "#2f9e44", "#c2255c"];
    Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
    Chart.defaults.maintainAspectRatio = false;
    new Chart(canvas, {
      type: "line",
      data: {
        labels: data.labels,
        datasets: data.series.map(function (series, index) {
          var color = palette[(index + palette.length - data.series.length + 2) % palette.length];
          return { label: series.label, data: series.visits, borderColor: color, backgroundColor: color, spanGaps: false };
        })
      },
      options: {
        plugins: { legend: { position: "bottom" } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: data.visits_label } } }
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
