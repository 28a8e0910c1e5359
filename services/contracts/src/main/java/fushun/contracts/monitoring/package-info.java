/** Events of the rural revitalization bureau's monitoring service (版本 v1). */
package fushun.contracts.monitoring;
