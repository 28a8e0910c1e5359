/**
 * Discovery (发现对象) through the three channels: self-application (农户主动申请), department
 * comparison (部门信息比对, the bureaus' signals) and cadre visits (基层干部跟踪回访). A clue about a
 * household already in the monitored population raises the alert at once; about an ordinary
 * household it opens the identification procedure (with help first for disasters and accidents).
 */
@OwnsTables({"cadre_visit"})
package fushun.monitoring.discovery;

import fushun.platform.OwnsTables;
