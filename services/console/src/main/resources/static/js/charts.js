// Apache ECharts (the webjar's classic script, loaded before the modules as the global echarts).

export function chart(element, option) {
  const echarts = globalThis.echarts;
  if (!echarts || !element) return;
  const instance = echarts.init(element);
  // tooltips drawn on the canvas: ECharts' HTML tooltips carry inline style attributes, which the
  // Content-Security-Policy (style-src 'self') refuses
  instance.setOption(Object.assign({ animation: false, tooltip: { renderMode: 'richText' } }, option));
}
