package fushun.contracts;

/** The national list of risk types (致贫/返贫风险类型). A household can carry several. */
public enum RiskType {
    ILLNESS("因病"),
    DISABILITY("因残"),
    SCHOOLING("因学"),
    DISASTER("因灾"),
    ACCIDENT("因意外事故"),
    FAILED_BUSINESS("因产业项目失败"),
    UNSTABLE_EMPLOYMENT("因务工就业不稳"),
    LACK_OF_LABOUR("缺劳动力"),
    UNSAFE_HOUSING("住房出现安全问题"),
    SCHOOL_DROPOUT("义务教育阶段辍学"),
    DRINKING_WATER("饮水安全问题"),
    OTHER("其他");

    private final String label;

    RiskType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
