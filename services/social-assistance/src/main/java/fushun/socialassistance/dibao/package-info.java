/**
 * The minimum living guarantee (低保): income determination, the benefit, review dates and when a
 * negative review stops payment. Pure rules over effective-dated parameters (the county's standard,
 * deduction caps, review periods); the application workflow builds on them (issue 4).
 */
package fushun.socialassistance.dibao;
