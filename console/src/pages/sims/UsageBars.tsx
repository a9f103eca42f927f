import { useEffect, useRef } from "react";
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from "chart.js";
import type { UsageSeries } from "./UsageChart";

// Only what a stacked bar chart needs: Chart.js leaves the rest out of the bundle.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

// Distinct, colour-blind-friendly hues (Okabe–Ito), dark enough against white.
const COLOURS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"];

/** The stacked bars themselves; the page gives the summary and the table for screen readers. */
export default function UsageBars({
  labels,
  series,
  summary,
  formatBytes,
}: {
  labels: string[];
  series: UsageSeries[];
  summary: string;
  formatBytes: (n: number) => string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: "bar",
      data: {
        labels,
        datasets: series.map((s, i) => ({
          label: s.zone,
          data: s.bytes,
          backgroundColor: COLOURS[i % COLOURS.length],
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { stacked: true, ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 8 } },
          y: { stacked: true, ticks: { callback: (v) => formatBytes(Number(v)) } },
        },
        plugins: {
          legend: { position: "bottom" },
          tooltip: {
            callbacks: { label: (c) => `${c.dataset.label}: ${formatBytes(Number(c.raw))}` },
          },
        },
      },
    });
    return () => chart.destroy();
  }, [labels, series, formatBytes]);
  return <canvas ref={canvas} role="img" aria-label={summary} />;
}
