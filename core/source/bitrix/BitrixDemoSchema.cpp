// SPDX-License-Identifier: GPL-3.0-or-later
#include "BitrixDemoSchema.h"

#include <QStringList>

namespace Source::Bitrix {

using Common::Error;

namespace {

const char *const kTables[] = { "sale_order",
                                "sale_basket",
                                "sale_basket_props",
                                "sale_order_props",
                                "sale_order_props_value",
                                "sale_person_type",
                                "sale_bizval_persondomain",
                                "sale_status",
                                "sale_status_lang",
                                "sale_order_payment",
                                "sale_order_delivery",
                                "sale_order_change",
                                "sale_delivery_srv",
                                "sale_pay_system",
                                "iblock_section",
                                "iblock_element",
                                "iblock_section_element",
                                "form",
                                "form_field",
                                "form_result",
                                "form_result_answer",
                                "catalog_product",
                                "catalog_price",
                                "catalog_group" };

// {pk}: auto-increment primary key; {t}: the prefix (b_).
const char *const kStatements[] = {
    "CREATE TABLE {t}sale_order (ID {pk}, LID CHAR(2) NOT NULL, PERSON_TYPE_ID INT NOT NULL,"
    " PAYED CHAR(1) NOT NULL DEFAULT 'N', DATE_PAYED DATETIME NULL, CANCELED CHAR(1) NOT NULL DEFAULT 'N',"
    " DATE_CANCELED DATETIME NULL, REASON_CANCELED VARCHAR(255) NULL, STATUS_ID CHAR(2) NOT NULL,"
    " DATE_STATUS DATETIME NOT NULL, EMP_STATUS_ID INT NULL, PRICE_DELIVERY DECIMAL(18,4) NOT NULL DEFAULT 0,"
    " ALLOW_DELIVERY CHAR(1) NOT NULL DEFAULT 'N', DEDUCTED CHAR(1) NOT NULL DEFAULT 'N',"
    " MARKED CHAR(1) NOT NULL DEFAULT 'N', RESERVED CHAR(1) NOT NULL DEFAULT 'N', PRICE DECIMAL(18,2) NOT "
    "NULL,"
    " CURRENCY CHAR(3) NOT NULL, DISCOUNT_VALUE DECIMAL(18,4) NOT NULL DEFAULT 0, USER_ID INT NOT NULL,"
    " PAY_SYSTEM_ID INT NULL, DELIVERY_ID VARCHAR(50) NULL, DATE_INSERT DATETIME NOT NULL,"
    " DATE_UPDATE DATETIME NOT NULL, USER_DESCRIPTION VARCHAR(2000) NULL, COMMENTS TEXT NULL,"
    " TAX_VALUE DECIMAL(18,2) NOT NULL DEFAULT 0, SUM_PAID DECIMAL(18,2) NOT NULL DEFAULT 0,"
    " RECOUNT_FLAG CHAR(1) NOT NULL DEFAULT 'Y', UPDATED_1C CHAR(1) NOT NULL DEFAULT 'N',"
    " RESPONSIBLE_ID INT NULL, ACCOUNT_NUMBER VARCHAR(100) NULL UNIQUE, TRACKING_NUMBER VARCHAR(255) NULL,"
    " XML_ID VARCHAR(255) NULL, ID_1C VARCHAR(15) NULL, VERSION INT NOT NULL DEFAULT 0,"
    " EXTERNAL_ORDER CHAR(1) NOT NULL DEFAULT 'N', COMPANY_ID INT NULL)",
    "CREATE TABLE {t}sale_basket (ID {pk}, FUSER_ID INT NOT NULL, ORDER_ID INT NULL, PRODUCT_ID INT NOT NULL,"
    " PRODUCT_PRICE_ID INT NULL, PRICE DECIMAL(18,4) NOT NULL, CURRENCY CHAR(3) NOT NULL,"
    " BASE_PRICE DECIMAL(18,4) NULL, DATE_INSERT DATETIME NOT NULL, DATE_UPDATE DATETIME NOT NULL,"
    " WEIGHT DOUBLE NULL, QUANTITY DOUBLE NOT NULL DEFAULT 0, LID CHAR(2) NOT NULL,"
    " DELAY CHAR(1) NOT NULL DEFAULT 'N', NAME VARCHAR(255) NOT NULL, CAN_BUY CHAR(1) NOT NULL DEFAULT 'Y',"
    " MODULE VARCHAR(100) NULL, DISCOUNT_PRICE DECIMAL(18,4) NOT NULL DEFAULT 0,"
    " PRODUCT_XML_ID VARCHAR(100) NULL, CATALOG_XML_ID VARCHAR(100) NULL, VAT_RATE DECIMAL(18,2) NULL,"
    " MEASURE_NAME VARCHAR(50) NULL, SET_PARENT_ID INT NULL, TYPE INT NULL)",
    "CREATE TABLE {t}sale_basket_props (ID {pk}, BASKET_ID INT NOT NULL, NAME VARCHAR(255) NOT NULL,"
    " VALUE VARCHAR(255) NULL, CODE VARCHAR(255) NULL, SORT INT NOT NULL DEFAULT 100)",
    "CREATE TABLE {t}sale_person_type (ID {pk}, LID CHAR(2) NOT NULL, NAME VARCHAR(255) NOT NULL,"
    " SORT INT NOT NULL DEFAULT 150, ACTIVE VARCHAR(1) NOT NULL DEFAULT 'Y')",
    "CREATE TABLE {t}sale_bizval_persondomain (PERSON_TYPE_ID INT NOT NULL, DOMAIN CHAR(1) NOT NULL,"
    " PRIMARY KEY (PERSON_TYPE_ID, DOMAIN))",
    "CREATE TABLE {t}sale_order_props (ID {pk}, PERSON_TYPE_ID INT NOT NULL, NAME VARCHAR(255) NOT NULL,"
    " TYPE VARCHAR(20) NOT NULL, REQUIRED CHAR(1) NOT NULL DEFAULT 'N', SORT INT NOT NULL DEFAULT 100,"
    " USER_PROPS CHAR(1) NOT NULL DEFAULT 'N', IS_LOCATION CHAR(1) NOT NULL DEFAULT 'N',"
    " PROPS_GROUP_ID INT NOT NULL DEFAULT 1, IS_EMAIL CHAR(1) NOT NULL DEFAULT 'N',"
    " IS_PROFILE_NAME CHAR(1) NOT NULL DEFAULT 'N', IS_PAYER CHAR(1) NOT NULL DEFAULT 'N',"
    " IS_LOCATION4TAX CHAR(1) NOT NULL DEFAULT 'N', IS_FILTERED CHAR(1) NOT NULL DEFAULT 'N',"
    " CODE VARCHAR(50) NULL, IS_ZIP CHAR(1) NOT NULL DEFAULT 'N', IS_PHONE CHAR(1) NOT NULL DEFAULT 'N',"
    " ACTIVE VARCHAR(1) NOT NULL DEFAULT 'Y', UTIL VARCHAR(1) NOT NULL DEFAULT 'N',"
    " MULTIPLE CHAR(1) NOT NULL DEFAULT 'N', IS_ADDRESS CHAR(1) NOT NULL DEFAULT 'N')",
    "CREATE TABLE {t}sale_order_props_value (ID {pk}, ORDER_ID INT NOT NULL, ORDER_PROPS_ID INT NULL,"
    " NAME VARCHAR(255) NOT NULL, VALUE VARCHAR(500) NULL, CODE VARCHAR(50) NULL,"
    " UNIQUE (ORDER_ID, ORDER_PROPS_ID))",
    "CREATE TABLE {t}sale_status (ID CHAR(2) NOT NULL PRIMARY KEY, TYPE CHAR(1) NOT NULL DEFAULT 'O',"
    " SORT INT NOT NULL DEFAULT 100, NOTIFY CHAR(1) NOT NULL DEFAULT 'Y', COLOR CHAR(10) NULL,"
    " XML_ID VARCHAR(255) NULL)",
    "CREATE TABLE {t}sale_status_lang (STATUS_ID CHAR(2) NOT NULL, LID CHAR(2) NOT NULL,"
    " NAME VARCHAR(100) NOT NULL, DESCRIPTION VARCHAR(250) NULL, PRIMARY KEY (STATUS_ID, LID))",
    "CREATE TABLE {t}sale_order_payment (ID {pk}, ORDER_ID INT NOT NULL, PAID CHAR(1) NOT NULL DEFAULT 'N',"
    " DATE_PAID DATETIME NULL, PAY_SYSTEM_ID INT NOT NULL, SUM DECIMAL(18,4) NOT NULL, CURRENCY CHAR(3) NOT "
    "NULL,"
    " PAY_SYSTEM_NAME VARCHAR(128) NOT NULL, ACCOUNT_NUMBER VARCHAR(100) NULL, XML_ID VARCHAR(255) NULL,"
    " IS_RETURN CHAR(1) NOT NULL DEFAULT 'N')",
    "CREATE TABLE {t}sale_order_delivery (ID {pk}, ORDER_ID INT NOT NULL, DATE_INSERT DATETIME NOT NULL,"
    " STATUS_ID CHAR(2) NOT NULL, PRICE_DELIVERY DECIMAL(18,4) NULL, ALLOW_DELIVERY CHAR(1) NULL DEFAULT 'N',"
    " DEDUCTED CHAR(1) NULL DEFAULT 'N', DELIVERY_ID INT NOT NULL, TRACKING_NUMBER VARCHAR(255) NULL,"
    " DELIVERY_NAME VARCHAR(128) NULL, CANCELED CHAR(1) NULL DEFAULT 'N', CURRENCY VARCHAR(3) NULL,"
    " SYSTEM CHAR(1) NOT NULL DEFAULT 'N', ACCOUNT_NUMBER VARCHAR(100) NULL)",
    "CREATE TABLE {t}sale_order_change (ID {pk}, ORDER_ID INT NOT NULL, TYPE VARCHAR(255) NOT NULL,"
    " DATA VARCHAR(512) NULL, DATE_CREATE DATETIME NOT NULL, DATE_MODIFY DATETIME NOT NULL,"
    " USER_ID INT NOT NULL, ENTITY VARCHAR(50) NULL, ENTITY_ID INT NULL)",
    "CREATE TABLE {t}sale_delivery_srv (ID {pk}, CODE VARCHAR(50) NULL, PARENT_ID INT NULL,"
    " NAME VARCHAR(255) NOT NULL, ACTIVE CHAR(1) NOT NULL, DESCRIPTION VARCHAR(255) NULL, SORT INT NOT NULL,"
    " CLASS_NAME VARCHAR(255) NOT NULL, CURRENCY CHAR(3) NOT NULL)",
    "CREATE TABLE {t}sale_pay_system (ID {pk}, NAME VARCHAR(255) NOT NULL, ACTIVE CHAR(1) NOT NULL DEFAULT "
    "'Y',"
    " SORT INT NOT NULL DEFAULT 100, DESCRIPTION VARCHAR(2000) NULL)",
    "CREATE TABLE {t}iblock_section (ID {pk}, IBLOCK_ID INT NOT NULL, IBLOCK_SECTION_ID INT NULL,"
    " ACTIVE CHAR(1) NOT NULL DEFAULT 'Y', SORT INT NOT NULL DEFAULT 500, NAME VARCHAR(255) NOT NULL,"
    " LEFT_MARGIN INT NULL, RIGHT_MARGIN INT NULL, DEPTH_LEVEL INT NULL, CODE VARCHAR(255) NULL)",
    "CREATE TABLE {t}iblock_element (ID {pk}, IBLOCK_ID INT NOT NULL, IBLOCK_SECTION_ID INT NULL,"
    " ACTIVE CHAR(1) NOT NULL DEFAULT 'Y', SORT INT NOT NULL DEFAULT 500, NAME VARCHAR(255) NOT NULL,"
    " XML_ID VARCHAR(255) NULL, CODE VARCHAR(255) NULL)",
    "CREATE TABLE {t}iblock_section_element (IBLOCK_SECTION_ID INT NOT NULL, IBLOCK_ELEMENT_ID INT NOT NULL,"
    " ADDITIONAL_PROPERTY_ID INT NULL)",
    "CREATE TABLE {t}form (ID {pk}, NAME VARCHAR(255) NOT NULL, SID VARCHAR(50) NOT NULL,"
    " C_SORT INT DEFAULT 100, FIRST_SITE_ID CHAR(2) NULL)",
    "CREATE TABLE {t}form_field (ID {pk}, FORM_ID INT NOT NULL DEFAULT 0, ACTIVE CHAR(1) NOT NULL DEFAULT "
    "'Y',"
    " TITLE TEXT NULL, SID VARCHAR(50) NULL, C_SORT INT NOT NULL DEFAULT 100, FIELD_TYPE VARCHAR(50) NULL)",
    "CREATE TABLE {t}form_result (ID {pk}, TIMESTAMP_X DATETIME NULL, DATE_CREATE DATETIME NULL,"
    " STATUS_ID INT NOT NULL DEFAULT 0, FORM_ID INT NOT NULL DEFAULT 0, USER_ID INT NULL,"
    " USER_AUTH CHAR(1) NOT NULL DEFAULT 'N', SENT_TO_CRM CHAR(1) NULL DEFAULT 'N')",
    "CREATE TABLE {t}form_result_answer (ID {pk}, RESULT_ID INT NOT NULL DEFAULT 0,"
    " FORM_ID INT NOT NULL DEFAULT 0, FIELD_ID INT NOT NULL DEFAULT 0, ANSWER_ID INT NULL, ANSWER_TEXT TEXT "
    "NULL,"
    " ANSWER_VALUE VARCHAR(255) NULL, USER_TEXT TEXT NULL, USER_DATE DATETIME NULL)",
    "CREATE TABLE {t}catalog_group (ID {pk}, NAME VARCHAR(100) NOT NULL, BASE CHAR(1) NOT NULL DEFAULT 'N',"
    " SORT INT NOT NULL DEFAULT 100, XML_ID VARCHAR(255) NULL)",
    "CREATE TABLE {t}catalog_product (ID INT NOT NULL PRIMARY KEY, QUANTITY DOUBLE NOT NULL,"
    " QUANTITY_TRACE CHAR(1) NOT NULL DEFAULT 'N', WEIGHT DOUBLE NOT NULL DEFAULT 0, AVAILABLE CHAR(1) NULL,"
    " TYPE INT NULL)",
    "CREATE TABLE {t}catalog_price (ID {pk}, PRODUCT_ID INT NOT NULL, EXTRA_ID INT NULL,"
    " CATALOG_GROUP_ID INT NOT NULL, PRICE DECIMAL(18,2) NOT NULL, CURRENCY CHAR(3) NOT NULL,"
    " QUANTITY_FROM INT NULL, QUANTITY_TO INT NULL)",
    "CREATE INDEX {t}ixs_order_date_update ON {t}sale_order (DATE_UPDATE)",
    "CREATE INDEX {t}ixs_order_date_status ON {t}sale_order (DATE_STATUS)",
    "CREATE INDEX {t}ixs_basket_order ON {t}sale_basket (ORDER_ID)",
    "CREATE INDEX {t}ixs_basket_props ON {t}sale_basket_props (BASKET_ID)",
    "CREATE INDEX {t}ixs_payment_order ON {t}sale_order_payment (ORDER_ID)",
    "CREATE INDEX {t}ixs_delivery_order ON {t}sale_order_delivery (ORDER_ID)",
    "CREATE INDEX {t}ixs_change_order ON {t}sale_order_change (ORDER_ID)",
    "CREATE INDEX {t}ixs_answer_result ON {t}form_result_answer (RESULT_ID)",
};

QString expand(const ShopDb &db, QString statement, const BitrixDemoSchema::Options &options)
{
    statement.replace(QLatin1String("{t}"), db.prefix());
    if (db.isSqlite()) {
        statement.replace(QLatin1String("{pk}"), QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"));
    } else {
        statement.replace(QLatin1String("{pk}"), QLatin1String("INT NOT NULL AUTO_INCREMENT PRIMARY KEY"));
        if (statement.startsWith(QLatin1String("CREATE TABLE")))
            statement += QStringLiteral(" ENGINE=InnoDB DEFAULT CHARSET=%1").arg(options.charset);
    }
    return statement;
}

} // namespace

Common::Status BitrixDemoSchema::create(ShopDb &db, const Options &options)
{
    if (options.charset != QLatin1String("utf8mb4") && options.charset != QLatin1String("cp1251")
        && options.charset != QLatin1String("utf8"))
        return Error::invalidInput(
            QStringLiteral("The demo shop's character set is utf8mb4 or cp1251, not %1")
                .arg(options.charset));
    for (const char *statement : kStatements) {
        auto done = db.exec(expand(db, QLatin1String(statement), options));
        if (!done)
            return done.error();
    }
    return {};
}

Common::Status BitrixDemoSchema::drop(ShopDb &db)
{
    for (const char *table : kTables) {
        auto done = db.exec(QStringLiteral("DROP TABLE IF EXISTS %1").arg(db.table(table)));
        if (!done)
            return done.error();
    }
    return {};
}

} // namespace Source::Bitrix
