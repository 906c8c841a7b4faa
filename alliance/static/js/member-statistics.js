/* Charts of the member statistics page, drawn from the json_script block "statistics-data". */
(function () {
  "use strict";

  function start() {
    var source = document.getElementById("statistics-data");
    if (!source || typeof window.Chart === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    var Chart = window.Chart;
    var palette = ["#3552c8", "#12a4a4", "#e07a1f", "#8e44ad", "#2f9e44", "#c2255c", "#868e96"];
    Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
    Chart.defaults.maintainAspectRatio = false;

    function bar(id, series, options) {
      var canvas = document.getElementById(id);
      if (!canvas) {
        return;
      }
      var settings = options || {};
      new Chart(canvas, {
        type: "bar",
        data: {
          labels: series.labels,
          datasets: [{
            label: data.count_label,
            data: series.counts,
            backgroundColor: settings.color || palette[0],
            barPercentage: settings.histogram ? 1.0 : 0.8,
            categoryPercentage: settings.histogram ? 0.98 : 0.8
          }]
        },
        options: {
          indexAxis: settings.horizontal ? "y" : "x",
          plugins: { legend: { display: false } },
          scales: {
            x: { beginAtZero: true, ticks: { precision: 0, autoSkip: false } },
            y: { beginAtZero: true, ticks: { precision: 0, autoSkip: false } }
          }
        }
      });
    }

    bar("chart-category", data.category, { color: palette[0] });
    bar("chart-sido", data.sido, { color: palette[1], horizontal: true });
    bar("chart-sizes", data.sizes, { color: palette[2], histogram: true });
    bar("chart-ages", data.ages, { color: palette[3], histogram: true });

    var zones = document.getElementById("chart-zones");
    if (zones) {
      new Chart(zones, {
        type: "doughnut",
        data: {
          labels: data.zones.labels,
          datasets: [{ label: data.count_label, data: data.zones.counts, backgroundColor: palette }]
        },
        options: { plugins: { legend: { position: "bottom" } } }
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
