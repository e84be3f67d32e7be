// SPDX-License-Identifier: GPL-3.0-or-later
// RetailCRM's ICML carries the product variants of a miniShop2 shop (msOptionsPrice2 modifications):
// the demo shop with the add-on's tables, read by the catalogue reader and written as ICML, checked
// against the ICML rules (reference A.7) and against the offer ids the connector sends for cart lines.
#include "TestEnv.h"
#include "crm/retailcrm/IcmlWriter.h"
#include "source/minishop2/CatalogReader.h"
#include "source/minishop2/DemoShopGenerator.h"
#include "source/minishop2/ShopDb.h"

#include <QHash>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using Source::MiniShop2::CatalogReader;
using Source::MiniShop2::DemoShopGenerator;
using Source::MiniShop2::ShopDb;
using Source::MiniShop2::ShopDbUrl;

namespace {

/** One <offer> as read back from the ICML. */
struct Offer
{
    QString id, productId, quantity, price, name, productName, activity;
    QStringList categories;
    QHash<QString, QString> params; // code → value
};

struct Icml
{
    QSet<QString> categories;
    QList<Offer> offers;
    QString error;
};

Icml parse(const QByteArray &xml)
{
    Icml out;
    QXmlStreamReader r(xml);
    Offer *offer = nullptr;
    bool sawRoot = false;
    while (!r.atEnd()) {
        r.readNext();
        if (!r.isStartElement()) {
            if (r.isEndElement() && r.name() == QLatin1String("offer"))
                offer = nullptr;
            continue;
        }
        const auto name = r.name();
        if (name == QLatin1String("yml_catalog")) {
            sawRoot = !r.attributes().value(QLatin1String("date")).isEmpty();
        } else if (name == QLatin1String("category")) {
            out.categories.insert(r.attributes().value(QLatin1String("id")).toString());
        } else if (name == QLatin1String("offer")) {
            out.offers.append(Offer {});
            offer = &out.offers.last();
            offer->id = r.attributes().value(QLatin1String("id")).toString();
            offer->productId = r.attributes().value(QLatin1String("productId")).toString();
            offer->quantity = r.attributes().value(QLatin1String("quantity")).toString();
        } else if (offer && name == QLatin1String("param")) {
            const QString code = r.attributes().value(QLatin1String("code")).toString();
            offer->params.insert(code, r.readElementText());
        } else if (offer) {
            const QString text = r.readElementText();
            if (name == QLatin1String("price"))
                offer->price = text;
            else if (name == QLatin1String("name"))
                offer->name = text;
            else if (name == QLatin1String("productName"))
                offer->productName = text;
            else if (name == QLatin1String("productActivity"))
                offer->activity = text;
            else if (name == QLatin1String("categoryId"))
                offer->categories << text;
        }
    }
    if (r.hasError())
        out.error = r.errorString();
    else if (!sawRoot)
        out.error = QStringLiteral("no <yml_catalog date=…>");
    return out;
}

/** The ICML rules every offer must keep (reference A.7); an empty list when it keeps them. */
QStringList broken(const Icml &icml)
{
    QStringList problems;
    QSet<QString> ids;
    QSet<QString> products;
    for (const Offer &o : icml.offers) {
        if (o.productId == o.id)
            products.insert(o.id);
    }
    for (const Offer &o : icml.offers) {
        if (o.id.isEmpty() || ids.contains(o.id))
            problems << QStringLiteral("offer id \"%1\" empty or repeated").arg(o.id);
        ids.insert(o.id);
        if (!products.contains(o.productId))
            problems << QStringLiteral("offer %1: productId %2 is no product").arg(o.id, o.productId);
        bool ok = false;
        if (o.quantity.toDouble(&ok) < 0 || !ok)
            problems << QStringLiteral("offer %1: quantity \"%2\"").arg(o.id, o.quantity);
        if (o.price.toDouble(&ok) < 0 || !ok)
            problems << QStringLiteral("offer %1: price \"%2\"").arg(o.id, o.price);
        if (o.name.trimmed().isEmpty() || o.productName.trimmed().isEmpty())
            problems << QStringLiteral("offer %1: no name or productName").arg(o.id);
        if (o.activity != QLatin1String("Y") && o.activity != QLatin1String("N"))
            problems << QStringLiteral("offer %1: productActivity \"%2\"").arg(o.id, o.activity);
        for (const QString &c : o.categories) {
            if (!icml.categories.contains(c))
                problems << QStringLiteral("offer %1: unknown categoryId %2").arg(o.id, c);
        }
    }
    return problems;
}

} // namespace

class TestIcmlVariants : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<ShopDb> m_shop;
    QString m_product; ///< the product with modifications
    double m_basePrice = 0;

    void exec(const QString &sql) { QVERIFY_OK(m_shop->exec(sql)); }

private Q_SLOTS:
    void init()
    {
        const QString url = QStringLiteral("sqlite://")
            + m_dir.filePath(QStringLiteral("shop-%1.db").arg(QDateTime::currentMSecsSinceEpoch()));
        auto shop = ShopDb::open(ShopDbUrl::parse(url).value(), QStringLiteral("modx_"));
        QVERIFY_OK(shop);
        m_shop = shop.value();
        DemoShopGenerator::Options generate;
        generate.orders = 1;
        QVERIFY_OK(DemoShopGenerator::generate(*m_shop, generate));
        // msOptionsPrice2's tables, as the add-on's schema has them.
        exec(QStringLiteral(
            "CREATE TABLE modx_msop_modifications (id INTEGER PRIMARY KEY, name VARCHAR(255)"
            " DEFAULT '', rid INTEGER DEFAULT 0, type TINYINT NOT NULL DEFAULT 1, price VARCHAR(11)"
            " NOT NULL DEFAULT '0', old_price VARCHAR(11) NOT NULL DEFAULT '0', article VARCHAR(50)"
            " DEFAULT '', weight DECIMAL(13,3) NOT NULL DEFAULT 0, count INTEGER NOT NULL DEFAULT 0,"
            " image INTEGER NULL, active TINYINT NOT NULL DEFAULT 1, rank INTEGER NOT NULL DEFAULT 0)"));
        exec(QStringLiteral(
            "CREATE TABLE modx_msop_modification_options (mid INTEGER NOT NULL, rid INTEGER NOT NULL,"
            " key VARCHAR(255) NOT NULL, value TEXT, PRIMARY KEY (mid, rid, key))"));
        auto product = m_shop->exec(QStringLiteral("SELECT c.id, p.price FROM modx_site_content c JOIN"
                                                   " modx_ms2_products p ON p.id = c.id WHERE c.class_key ="
                                                   " 'msProduct' ORDER BY c.id LIMIT 1"));
        QVERIFY_OK(product);
        QVERIFY(product->next());
        m_product = product->value(0).toString();
        m_basePrice = product->value(1).toDouble();
        // 42: its own price; 43: the product's price + 500, not sold now; 44: 10 % off, named.
        exec(QStringLiteral(
                 "INSERT INTO modx_msop_modifications (id, name, rid, type, price, article, count,"
                 " active, rank) VALUES (7, '', %1, 1, '2990', 'ART-42', 5, 1, 1),"
                 " (8, '', %1, 2, '500', 'ART-43', 0, 0, 2), (9, 'Распродажа & скидка', %1, 3, '10%',"
                 " '', 2, 1, 3)")
                 .arg(m_product));
        exec(QStringLiteral("INSERT INTO modx_msop_modification_options (mid, rid, key, value) VALUES"
                            " (7, %1, 'size', '42'), (7, %1, 'color', 'синий'), (8, %1, 'size', '43'),"
                            " (9, %1, 'size', '44')")
                 .arg(m_product));
    }

    void cleanup() { m_shop.reset(); }

    void variantsAreOffersOfTheirProduct()
    {
        auto catalog = CatalogReader(*m_shop).read(QStringLiteral("https://shop.example.ru"));
        QVERIFY_OK(catalog);
        const QByteArray xml = Crm::RetailCrm::IcmlWriter::write(
            catalog.value(), { QStringLiteral("Ромашка"), QString(), QDateTime::currentDateTime() });
        const Icml icml = parse(xml);
        QVERIFY2(icml.error.isEmpty(), qPrintable(icml.error));
        const QStringList problems = broken(icml);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
        QCOMPARE(icml.offers.size(), qsizetype(24 + 3)); // 24 products, 3 variants

        QHash<QString, Offer> byId;
        for (const Offer &o : icml.offers)
            byId.insert(o.id, o);
        const Offer base = byId.value(m_product);
        const Offer v42 = byId.value(QStringLiteral("mod-%1-7").arg(m_product));
        const Offer v43 = byId.value(QStringLiteral("mod-%1-8").arg(m_product));
        const Offer v44 = byId.value(QStringLiteral("mod-%1-9").arg(m_product));
        for (const Offer *v : { &v42, &v43, &v44 }) {
            QCOMPARE(v->productId, m_product);
            QCOMPARE(v->productName, base.name);
            QCOMPARE(v->categories, base.categories);
        }
        QCOMPARE(v42.price.toDouble(), 2990.0);
        QCOMPARE(v42.quantity, QStringLiteral("5"));
        QCOMPARE(v42.params.value("article"), QStringLiteral("ART-42"));
        QCOMPARE(v42.params.value("size"), QStringLiteral("42"));
        QCOMPARE(v42.params.value("color"), QStringLiteral("синий"));
        QCOMPARE(v42.name, QStringLiteral("%1 (синий, 42)").arg(base.name));
        QCOMPARE(v42.activity, QStringLiteral("Y"));
        QCOMPARE(v43.price.toDouble(), m_basePrice + 500);
        QCOMPARE(v43.activity, QStringLiteral("N"));
        QCOMPARE(v44.price.toDouble(), m_basePrice * 0.9);
        QCOMPARE(v44.name, QStringLiteral("Распродажа & скидка")); // escaped in the XML, whole when read
        QCOMPARE(v44.params.value("article"), base.params.value("article")); // none of its own: the product's
    }

    void unpublishedProductsVariantsAreInactive()
    {
        exec(QStringLiteral("UPDATE modx_site_content SET published = 0 WHERE id = %1").arg(m_product));
        auto catalog = CatalogReader(*m_shop).read(QString());
        QVERIFY_OK(catalog);
        const Icml icml = parse(
            Crm::RetailCrm::IcmlWriter::write(catalog.value(), { QStringLiteral("Ромашка"), {}, {} }));
        QVERIFY(broken(icml).isEmpty());
        for (const Offer &o : icml.offers) {
            if (o.productId == m_product)
                QCOMPARE(o.activity, QStringLiteral("N"));
        }
    }

    void shopWithoutTheAddOnHasNoVariants()
    {
        exec(QStringLiteral("DROP TABLE modx_msop_modification_options"));
        exec(QStringLiteral("DROP TABLE modx_msop_modifications"));
        auto catalog = CatalogReader(*m_shop).read(QString());
        QVERIFY_OK(catalog);
        const Icml icml = parse(
            Crm::RetailCrm::IcmlWriter::write(catalog.value(), { QStringLiteral("Ромашка"), {}, {} }));
        QVERIFY(broken(icml).isEmpty());
        QCOMPARE(icml.offers.size(), qsizetype(24));
    }
};

QTEST_GUILESS_MAIN(TestIcmlVariants)
#include "tst_IcmlVariants.moc"
