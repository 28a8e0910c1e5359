// Figures as the console shows them (zh-CN grouping); a missing figure is a dash.

export const num = (value) => (value == null ? '—' : Number(value).toLocaleString('zh-CN'));

/** Yuan with two decimals: 6,600.00. */
export const yuan = (value) => (value == null ? '—' : Number(value).toLocaleString('zh-CN',
  { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

/** A share (0.875) as a percentage with one decimal: 87.5%. */
export const percent = (share) => (share == null ? '—' : (Number(share) * 100).toFixed(1) + '%');
