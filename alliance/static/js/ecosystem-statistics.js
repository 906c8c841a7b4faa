/* Charts of the ecosystem statistics page, drawn from the json_script block "statistics-data" (the same rows as
   the page's tables, which stay the accessible alternative). A withheld total is null: no bar, and its
   label says why (core/figures.py, "Totals"). Each chart is drawn, without animation, in a task of its own when it
   comes near the screen: a phone does not draw five charts at once before the page answers. */
(function () {
  "use strict";

  function start() {
    var source = document.getElementById("statistics-data");
    if (!source || typeof window.Chart === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    var Chart = window.Chart;
    var palette = ["#3552c8", "#12a4a4", "#e07a1f", "#8e44ad", "#2f9e44"];
    Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
    Chart.defaults.maintainAspectRatio = false;
    Chart.defaults.animation = false;

    function whenNear(canvas, draw) {
      if (!("IntersectionObserver" in window)) {
        draw();
        return;
      }
      var observer = new IntersectionObserver(function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; })) {
          observer.disconnect();
          window.setTimeout(draw, 0);
        }
      }, { rootMargin: "200px 0px" });
      observer.observe(canvas);
    }

    function bar(id, labels, values, options) {
      var canvas = document.getElementById(id);
      if (!canvas) {
        return;
      }
      var settings = options || {};
      whenNear(canvas, function () { new Chart(canvas, {
        type: "bar",
        data: {
          labels: labels,
          datasets: [{
            label: settings.label || data.count_label,
            data: values,
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
      }); });
    }

    var categories = data.categories;
    var revenueLabels = categories.labels.map(function (label, index) {
      var note = categories.revenue_notes[index];
      return note ? label + " (" + note + ")" : label;
    });
    bar("chart-categories", categories.labels, categories.counts, { horizontal: true });
    bar("chart-revenue", revenueLabels, categories.revenue, {
      horizontal: true, color: palette[1], label: data.revenue_label
    });
    bar("chart-sizes", data.sizes.labels, data.sizes.counts, { color: palette[2], histogram: true });
    bar("chart-ages", data.ages.labels, data.ages.counts, { color: palette[3], histogram: true });

    var years = document.getElementById("chart-years");
    if (years) {
      whenNear(years, function () { new Chart(years, {
        type: "bar",
        data: {
          labels: data.years.labels,
          datasets: [
            { type: "bar", label: data.count_label, data: data.years.counts, backgroundColor: palette[0], yAxisID: "players" },
            {
              type: "line", label: data.revenue_label, data: data.years.revenue, borderColor: palette[2],
              backgroundColor: palette[2], yAxisID: "revenue", spanGaps: false
            }
          ]
        },
        options: {
          plugins: { legend: { position: "bottom" } },
          scales: {
            players: { type: "linear", position: "left", beginAtZero: true, ticks: { precision: 0 } },
            revenue: { type: "linear", position: "right", beginAtZero: true, grid: { drawOnChartArea: false } }
          }
        }
      }); });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
