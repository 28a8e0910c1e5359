package fushun.monitoring.income;

/** The components of a household's net income. */
public enum IncomeComponent {
    WAGES("工资性收入"),
    BUSINESS("经营净收入"),
    PROPERTY("财产净收入"),
    TRANSFERS("转移净收入（不含养老金）"),
    BASIC_PENSION("城乡居民基础养老金"),
    OTHER_PENSION("其他养老金");

    private final String label;

    IncomeComponent(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
