// Draws the closure statistics (tags/closureChart.html) with Chart.js: closures per week as stacked bars
// (on time, late) and the on-time rate as a line. The data is the JSON element the canvas names; the
// tables next to the chart hold the same numbers, so without JavaScript nothing is lost.
(function () {
  'use strict';

  /** The Monday a week starts, as "30 Nov" (the JSON date is a plain yyyy-mm-dd day). */
  function weekStart(day) {
    var months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    var parts = String(day).split('-');
    return parts.length === 3 ? Number(parts[2]) + ' ' + months[Number(parts[1]) - 1] : String(day);
  }

  function draw(canvas) {
    var source = document.getElementById(canvas.getAttribute('data-closure-chart'));
    if (!source || typeof Chart === 'undefined' || Chart.getChart(canvas)) {
      return;
    }
    var weeks = JSON.parse(source.textContent).weekly;
    new Chart(canvas, {
      data: {
        // Dated labels ("Week of 30 Nov"): ISO week numbers mean little to people; the table keeps both.
        labels: weeks.map(function (w) { return 'Week of ' + weekStart(w.start); }),
        datasets: [
          {
            type: 'line', label: 'On time (%)', yAxisID: 'rate', spanGaps: true,
            borderColor: '#1f5fbf', backgroundColor: '#1f5fbf',
            data: weeks.map(function (w) { return w.onTimeRate === null ? null : Math.round(w.onTimeRate * 1000) / 10; })
          },
          {
            type: 'bar', label: 'Closed on time', yAxisID: 'count', stack: 'closures', backgroundColor: '#8fcf9f',
            data: weeks.map(function (w) { return w.onTime; })
          },
          {
            type: 'bar', label: 'Closed late', yAxisID: 'count', stack: 'closures', backgroundColor: '#f0a49e',
            data: weeks.map(function (w) { return w.late; })
          }
        ]
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { stacked: true },
          count: {
            type: 'linear', position: 'left', stacked: true, beginAtZero: true, grace: 1,
            ticks: { precision: 0 }, title: { display: true, text: 'Closures' }
          },
          rate: {
            type: 'linear', position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false },
            ticks: { callback: function (v) { return v + '%'; } }, title: { display: true, text: 'On time' }
          }
        }
      }
    });
  }

  function drawAll() {
    document.querySelectorAll('canvas[data-closure-chart]').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
})();
