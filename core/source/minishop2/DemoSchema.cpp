// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoSchema.h"

#include <QStringList>

namespace Source::MiniShop2 {

using Common::Error;

namespace {

const char *const kTables[]
    = { "ms2_orders",     "ms2_order_addresses",    "ms2_order_products", "ms2_order_statuses",
        "ms2_order_logs", "ms2_deliveries",         "ms2_payments",       "ms2_delivery_payments",
        "ms2_products",   "ms2_product_categories", "site_content",       "users",
        "user_attributes" };

// {pk}: auto-increment primary key; {t}: the prefix. MySQL tables get InnoDB and utf8mb4.
QStringList statements(const DemoSchema::Options &options)
{
    const QString comment
        = options.commentColumn.isEmpty() ? QStringLiteral("order_comment") : options.commentColumn;
    const QString orderAddress
        = options.layout == 3 ? QStringLiteral(" address INTEGER NOT NULL DEFAULT 0,") : QString();
    const QString addressOrder
        = options.layout == 3 ? QString() : QStringLiteral(" order_id INTEGER NOT NULL DEFAULT 0,");
    return {
        QStringLiteral(
            "CREATE TABLE {t}ms2_orders (id {pk}, user_id INTEGER NOT NULL DEFAULT 0,"
            " session_id VARCHAR(32) NOT NULL DEFAULT '', createdon DATETIME NULL, updatedon DATETIME NULL,"
            " num VARCHAR(20) NOT NULL DEFAULT '', cost DECIMAL(12,2) NOT NULL DEFAULT 0,"
            " cart_cost DECIMAL(12,2) NOT NULL DEFAULT 0, delivery_cost DECIMAL(12,2) NOT NULL DEFAULT 0,"
            " weight DECIMAL(13,3) NOT NULL DEFAULT 0, status INTEGER NOT NULL DEFAULT 0,"
            " delivery INTEGER NOT NULL DEFAULT 0, payment INTEGER NOT NULL DEFAULT 0,%1"
            " context VARCHAR(100) NOT NULL DEFAULT 'web', `%2` TEXT NULL, properties TEXT NULL,"
            " type TINYINT NOT NULL DEFAULT 0)")
            .arg(orderAddress, comment),
        QStringLiteral("CREATE TABLE {t}ms2_order_addresses (id {pk},%1 user_id INTEGER NOT NULL DEFAULT 0,"
                       " createdon DATETIME NULL, updatedon DATETIME NULL, receiver VARCHAR(255) NULL,"
                       " phone VARCHAR(20) NULL, email VARCHAR(191) NULL, country VARCHAR(100) NULL,"
                       " `index` VARCHAR(50) NULL, region VARCHAR(100) NULL, city VARCHAR(100) NULL,"
                       " metro VARCHAR(255) NULL, street VARCHAR(255) NULL, building VARCHAR(10) NULL,"
                       " entrance VARCHAR(10) NULL, floor VARCHAR(10) NULL, room VARCHAR(10) NULL,"
                       " comment TEXT NULL, text_address TEXT NULL, properties TEXT NULL)")
            .arg(addressOrder),
        QStringLiteral(
            "CREATE TABLE {t}ms2_order_products (id {pk}, product_id INTEGER NOT NULL,"
            " order_id INTEGER NOT NULL, name VARCHAR(255) NULL, `count` INTEGER NOT NULL DEFAULT 1,"
            " price DECIMAL(12,2) NOT NULL DEFAULT 0, weight DECIMAL(13,3) NOT NULL DEFAULT 0,"
            " cost DECIMAL(12,2) NOT NULL DEFAULT 0, options TEXT NULL, properties TEXT NULL)"),
        QStringLiteral("CREATE TABLE {t}ms2_order_statuses (id {pk}, name VARCHAR(100) NOT NULL,"
                       " description TEXT NULL, color CHAR(6) NOT NULL DEFAULT '000000',"
                       " email_user TINYINT NOT NULL DEFAULT 0, email_manager TINYINT NOT NULL DEFAULT 0,"
                       " active TINYINT NOT NULL DEFAULT 1, `final` TINYINT NOT NULL DEFAULT 0,"
                       " `fixed` TINYINT NOT NULL DEFAULT 0, `rank` INTEGER NOT NULL DEFAULT 0,"
                       " editable TINYINT NOT NULL DEFAULT 1)"),
        QStringLiteral("CREATE TABLE {t}ms2_order_logs (id {pk}, user_id INTEGER NOT NULL DEFAULT 0,"
                       " order_id INTEGER NOT NULL, `timestamp` DATETIME NULL, action VARCHAR(100) NOT NULL,"
                       " entry VARCHAR(255) NOT NULL DEFAULT '0', ip TEXT NULL)"),
        QStringLiteral(
            "CREATE TABLE {t}ms2_deliveries (id {pk}, name VARCHAR(255) NOT NULL, description TEXT NULL,"
            " price VARCHAR(11) NOT NULL DEFAULT '0', weight_price DECIMAL(12,2) NOT NULL DEFAULT 0,"
            " distance_price DECIMAL(12,2) NOT NULL DEFAULT 0, logo VARCHAR(255) NULL,"
            " `rank` INTEGER NOT NULL DEFAULT 0, active TINYINT NOT NULL DEFAULT 1, class VARCHAR(50) NULL,"
            " properties TEXT NULL, requires VARCHAR(255) NOT NULL DEFAULT 'email,receiver',"
            " free_delivery_amount DECIMAL(12,2) NOT NULL DEFAULT 0)"),
        QStringLiteral(
            "CREATE TABLE {t}ms2_payments (id {pk}, name VARCHAR(255) NOT NULL, description TEXT NULL,"
            " price VARCHAR(11) NOT NULL DEFAULT '0', logo VARCHAR(255) NULL,"
            " `rank` INTEGER NOT NULL DEFAULT 0, active TINYINT NOT NULL DEFAULT 1, class VARCHAR(50) NULL,"
            " properties TEXT NULL)"),
        QStringLiteral("CREATE TABLE {t}ms2_delivery_payments (delivery_id INTEGER NOT NULL,"
                       " payment_id INTEGER NOT NULL, PRIMARY KEY (delivery_id, payment_id))"),
        QStringLiteral(
            "CREATE TABLE {t}ms2_products (id INTEGER NOT NULL PRIMARY KEY, article VARCHAR(50) NULL,"
            " price DECIMAL(12,2) NOT NULL DEFAULT 0, old_price DECIMAL(12,2) NOT NULL DEFAULT 0,"
            " weight DECIMAL(13,3) NOT NULL DEFAULT 0, remains INTEGER NOT NULL DEFAULT 0,"
            " vendor INTEGER NOT NULL DEFAULT 0, made_in VARCHAR(100) NULL)"),
        QStringLiteral("CREATE TABLE {t}ms2_product_categories (product_id INTEGER NOT NULL,"
                       " category_id INTEGER NOT NULL, PRIMARY KEY (product_id, category_id))"),
        QStringLiteral(
            "CREATE TABLE {t}site_content (id {pk}, type VARCHAR(20) NOT NULL DEFAULT 'document',"
            " pagetitle VARCHAR(255) NOT NULL DEFAULT '', alias VARCHAR(255) NULL, uri TEXT NULL,"
            " published TINYINT NOT NULL DEFAULT 1, deleted TINYINT NOT NULL DEFAULT 0,"
            " parent INTEGER NOT NULL DEFAULT 0, isfolder TINYINT NOT NULL DEFAULT 0,"
            " menuindex INTEGER NOT NULL DEFAULT 0, context_key VARCHAR(100) NOT NULL DEFAULT 'web',"
            " class_key VARCHAR(100) NOT NULL DEFAULT 'modDocument')"),
        QStringLiteral(
            "CREATE TABLE {t}users (id {pk}, username VARCHAR(100) NOT NULL UNIQUE,"
            " password VARCHAR(255) NOT NULL DEFAULT '', class_key VARCHAR(100) NOT NULL DEFAULT 'modUser',"
            " active TINYINT NOT NULL DEFAULT 1, primary_group INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral(
            "CREATE TABLE {t}user_attributes (id {pk}, internalKey INTEGER NOT NULL UNIQUE,"
            " fullname VARCHAR(100) NOT NULL DEFAULT '', email VARCHAR(100) NOT NULL DEFAULT '',"
            " phone VARCHAR(100) NOT NULL DEFAULT '', mobilephone VARCHAR(100) NOT NULL DEFAULT '',"
            " blocked TINYINT NOT NULL DEFAULT 0, dob INTEGER NOT NULL DEFAULT 0,"
            " gender INTEGER NOT NULL DEFAULT 0, address TEXT NULL, country VARCHAR(100) NULL,"
            " city VARCHAR(255) NULL, state VARCHAR(25) NULL, zip VARCHAR(25) NULL, comment TEXT NULL,"
            " extended TEXT NULL)"),
        QStringLiteral("CREATE INDEX {t}ms2_order_products_order ON {t}ms2_order_products (order_id)"),
        QStringLiteral("CREATE INDEX {t}ms2_order_logs_order ON {t}ms2_order_logs (order_id, action)"),
        QStringLiteral("CREATE INDEX {t}site_content_class ON {t}site_content (class_key, parent)"),
        options.layout == 3
            ? QString()
            : QStringLiteral(
                "CREATE INDEX {t}ms2_order_addresses_order ON {t}ms2_order_addresses (order_id)"),
    };
}

QString expand(const ShopDb &db, QString statement)
{
    statement.replace(QLatin1String("{t}"), db.prefix());
    if (db.isSqlite()) {
        statement.replace(QLatin1String("{pk}"), QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"));
    } else {
        statement.replace(QLatin1String("{pk}"),
                          QLatin1String("INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY"));
        if (statement.startsWith(QLatin1String("CREATE TABLE")))
            statement += QLatin1String(" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
    }
    return statement;
}

} // namespace

Common::Status DemoSchema::create(ShopDb &db, const Options &options)
{
    if (options.layout != 3 && options.layout != 4)
        return Error::invalidInput(
            QStringLiteral("The miniShop2 layout is 3 or 4, not %1").arg(options.layout));
    for (const QString &statement : statements(options)) {
        if (statement.isEmpty())
            continue;
        auto done = db.exec(expand(db, statement));
        if (!done)
            return done.error();
    }
    return {};
}

Common::Status DemoSchema::insertDefaults(ShopDb &db)
{
    const QStringList rows {
        QStringLiteral(
            "INSERT INTO {t}ms2_order_statuses (id, name, color, email_user, email_manager, `final`,"
            " `fixed`, `rank`, editable) VALUES (1, 'Новый', '000000', 1, 1, 0, 1, 1, 0),"
            " (2, 'Оплачен', '008000', 1, 1, 0, 1, 2, 0), (3, 'Отправлен', '003366', 1, 0, 1, 1, 3, 0),"
            " (4, 'Отменён', '800000', 1, 0, 1, 1, 4, 0), (999, 'Черновик', 'C0C0C0', 0, 0, 0, 0, 0, 0)"),
        QStringLiteral("INSERT INTO {t}ms2_deliveries (id, name, price, `rank`, requires) VALUES"
                       " (1, 'Самовывоз', '0', 0, 'email,receiver')"),
        QStringLiteral("INSERT INTO {t}ms2_payments (id, name, `rank`) VALUES (1, 'Оплата наличными', 0)"),
        QStringLiteral("INSERT INTO {t}ms2_delivery_payments (delivery_id, payment_id) VALUES (1, 1)"),
    };
    for (const QString &row : rows) {
        auto done = db.exec(expand(db, row));
        if (!done)
            return done.error();
    }
    return {};
}

Common::Status DemoSchema::drop(ShopDb &db)
{
    for (const char *table : kTables) {
        auto done = db.exec(QStringLiteral("DROP TABLE IF EXISTS %1").arg(db.table(table)));
        if (!done)
            return done.error();
    }
    return {};
}

} // namespace Source::MiniShop2
