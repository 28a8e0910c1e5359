package fushun.medicalinsurance.cover;

/**
 * Why a person gets tilted critical-illness cover and medical assistance, strongest first: a person
 * with more than one basis is treated by the first.
 */
public enum CoverClass {
    /** 特困人员 */
    TEKUN("medical.assistance.ratio.tekun"),
    /** 低保对象 */
    DIBAO("medical.assistance.ratio.dibao"),
    /** a household under a risk alert naming medical insurance (返贫致贫 / 监测对象) */
    MONITORED("medical.assistance.ratio.monitored");

    private final String assistanceRatioParameter;

    CoverClass(String assistanceRatioParameter) {
        this.assistanceRatioParameter = assistanceRatioParameter;
    }

    public String assistanceRatioParameter() {
        return assistanceRatioParameter;
    }
}
