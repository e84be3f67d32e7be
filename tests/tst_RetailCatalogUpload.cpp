// SPDX-License-Identifier: GPL-3.0-or-later
// A miniShop2 demo shop into RetailCRM, the way seed 002's pre-setup does it but resumable:
// `crmbridgectl icml export` writes the catalogue in ICML (checked against the structure of reference
// A.7) and the intake server serves it; `crmbridgectl retailcrm upload` sends the shop's registered
// customers in batches of 50, and an interrupted upload (and one whose watermark was lost) resumes
// without a single duplicate in the sandbox; the orders follow by the historic load (`source load`,
// `run --once`), linked to those customers, each once even when loaded again.
#include "CtlProcess.h"
#include "TestEnv.h"
#include "fixtures/retailcrm/RetailTestKit.h"
#include "secrets/SecretKey.h"
#include "source/intake/FormIntakeServer.h"
#include "store/SettingsRepo.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QXmlStreamReader>

using namespace RetailTestKit;
using Sandbox::RetailCrm::RetailCrmSandbox;
using Sandbox::RetailCrm::RetailSandboxOptions;
using Sandbox::Testing::RetailTestClient;

namespace {

struct Offer
{
    QString id, productId, quantity, url, price, name, article;
    QStringList categories;
    bool active = false;
};

struct Icml
{
    QString date, shopName;
    QMap<QString, QString> categoryParent; ///< id → parentId
    QList<Offer> offers;
    QString error;
};

/** Reads an ICML file the way RetailCRM's loader looks at it (elements of reference A.7). */
Icml parseIcml(const QByteArray &xml)
{
    Icml icml;
    QXmlStreamReader r(xml);
    QStringList path;
    Offer offer;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            path << r.name().toString();
            const QString p = path.join(QLatin1Char('/'));
            if (p == QLatin1String("yml_catalog"))
                icml.date = r.attributes().value("date").toString();
            else if (p == QLatin1String("yml_catalog/shop/name"))
                icml.shopName = r.readElementText(), path.removeLast();
            else if (p == QLatin1String("yml_catalog/shop/categories/category")) {
                const QString id = r.attributes().value("id").toString();
                icml.categoryParent.insert(id, r.attributes().value("parentId").toString());
                r.readElementText();
                path.removeLast();
            } else if (p == QLatin1String("yml_catalog/shop/offers/offer")) {
                offer = Offer();
                offer.id = r.attributes().value("id").toString();
                offer.productId = r.attributes().value("productId").toString();
                offer.quantity = r.attributes().value("quantity").toString();
            } else if (path.size() == 5 && path[3] == QLatin1String("offer")) {
                const QString name = r.name().toString();
                const QString code = r.attributes().value("code").toString();
                const QString text = r.readElementText();
                path.removeLast();
                if (name == QLatin1String("url"))
                    offer.url = text;
                else if (name == QLatin1String("price"))
                    offer.price = text;
                else if (name == QLatin1String("name"))
                    offer.name = text;
                else if (name == QLatin1String("categoryId"))
                    offer.categories << text;
                else if (name == QLatin1String("param") && code == QLatin1String("article"))
                    offer.article = text;
                else if (name == QLatin1String("productActivity"))
                    offer.active = text == QLatin1String("Y");
            }
        } else if (r.isEndElement()) {
            if (path.join(QLatin1Char('/')) == QLatin1String("yml_catalog/shop/offers/offer"))
                icml.offers << offer;
            path.removeLast();
        }
    }
    if (r.hasError())
        icml.error = r.errorString();
    return icml;
}

} // namespace

class TestRetailCatalogUpload : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_database;
    QString m_keyFile;
    QString m_shop;
    std::unique_ptr<RetailCrmSandbox> m_sandbox;
    std::unique_ptr<RetailTestClient> m_control;

    TestSupport::CtlRun ctl(const QStringList &args, const QByteArray &stdinData = {})
    {
        return TestSupport::runCtl(QStringLiteral(CRMBRIDGECTL_PATH),
                                   QStringList { QStringLiteral("--database"), m_database,
                                                 QStringLiteral("--secret-key-file"), m_keyFile }
                                       + args,
                                   stdinData);
    }

    QJsonObject state() { return m_control->control(QStringLiteral("state"), {}, "GET"); }

    /** What `retailcrm upload` said: "Customers: R read, U uploaded, E already there, F refused". */
    struct Tally
    {
        int read = -1, uploaded = -1, existing = -1, refused = -1;
    };
    static Tally tally(const QString &out)
    {
        static const QRegularExpression line(
            QStringLiteral("Customers: (\\d+) read, (\\d+) uploaded, (\\d+) already there, (\\d+) refused"));
        const QRegularExpressionMatch m = line.match(out);
        if (!m.hasMatch())
            return {};
        return { m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt(), m.captured(4).toInt() };
    }

    /** RetailCRM's entities by externalId: a duplicate shows as a count above 1. */
    static QMap<QString, int> byExternalId(const QJsonArray &entities)
    {
        QMap<QString, int> counts;
        for (const QJsonValue &v : entities)
            ++counts[v.toObject().value("externalId").toVariant().toString()];
        return counts;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_database = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("store.db"));
        m_keyFile = m_dir.filePath(QStringLiteral("secret.key"));
        m_shop = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("shop.db"));
        QVERIFY_OK(Secrets::SecretKey::generateFile(m_keyFile));
        const auto shop = ctl({ "demo-shop", "--database", m_shop, "--orders", "130" });
        QVERIFY2(shop.exitCode == 0, qPrintable(shop.err));
        const auto source = ctl({ "source", "add", "minishop2", "shop", "--url", m_shop });
        QVERIFY2(source.exitCode == 0, qPrintable(source.err + source.out));

        // The upload's pacing is the client's; the connector test covers the 503s.
        const QString error = RetailTestKit::startDemoSandbox(m_sandbox, m_control, 0);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto added = ctl({ "connection", "add", "retailcrm", "crm", "--base-url",
                                 m_sandbox->baseUrl().toString(), "--site", m_sandbox->site() },
                               m_sandbox->apiKey().toUtf8() + "\n");
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    }

    void icmlHasTheReferenceStructure()
    {
        const QString file = m_dir.filePath(QStringLiteral("catalog.xml"));
        const auto exported = ctl({ "icml", "export", "--source", "shop", "--out", file, "--site-url",
                                    "https://shop.example/", "--shop-name", "Демо & Ко" });
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray xml = f.readAll();
        const Icml icml = parseIcml(xml);
        QVERIFY2(icml.error.isEmpty(), qPrintable(icml.error));
        QVERIFY(QDateTime::fromString(icml.date, QStringLiteral("yyyy-MM-dd HH:mm:ss")).isValid());
        QCOMPARE(icml.shopName, QStringLiteral("Демо & Ко")); // escaped, not mangled into "AND"
        QVERIFY(icml.categoryParent.size() >= 10);
        int roots = 0;
        for (auto it = icml.categoryParent.cbegin(); it != icml.categoryParent.cend(); ++it) {
            if (it.value().isEmpty())
                ++roots;
            else
                QVERIFY2(icml.categoryParent.contains(it.value()), qPrintable(it.key()));
        }
        QVERIFY(roots >= 1 && roots < icml.categoryParent.size());
        QCOMPARE(icml.offers.size(), 24);
        bool someInTwoCategories = false;
        QSet<QString> ids;
        for (const Offer &o : icml.offers) {
            QVERIFY(!o.id.isEmpty());
            ids.insert(o.id);
            QCOMPARE(o.productId, o.id);
            QVERIFY(o.quantity.toInt() >= 10);
            QVERIFY2(o.url.startsWith(QLatin1String("https://shop.example/")), qPrintable(o.url));
            QVERIFY(o.price.toDouble() >= 990);
            QVERIFY(!o.name.isEmpty());
            QVERIFY(o.article.startsWith(QLatin1String("ART-")));
            QVERIFY(o.active);
            QVERIFY(!o.categories.isEmpty());
            for (const QString &c : o.categories)
                QVERIFY(icml.categoryParent.contains(c));
            someInTwoCategories = someInTwoCategories || o.categories.size() > 1;
        }
        QCOMPARE(ids.size(), icml.offers.size());
        QVERIFY2(someInTwoCategories, "the extra categories are listed");

        // Published on the intake server at /icml/<source>.xml, byte for byte.
        auto db = Storage::Database::open(m_database);
        QVERIFY_OK(db);
        QCOMPARE(Store::SettingsRepo(db.value()).value(QStringLiteral("icml.shop.file")).value(),
                 QFileInfo(file).absoluteFilePath());
        Source::Intake::IntakeConfig config;
        config.port = 0;
        Source::Intake::FormIntakeServer server(db.value(), config);
        auto port = server.start();
        QVERIFY_OK(port);
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        auto get = [&](const QString &path) {
            QNetworkReply *reply = network.get(
                QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port.value()).arg(path))));
            QSignalSpy finished(reply, &QNetworkReply::finished);
            finished.wait(10000);
            reply->deleteLater();
            return std::make_tuple(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                                   reply->readAll(),
                                   reply->header(QNetworkRequest::ContentTypeHeader).toString());
        };
        const auto [status, body, type] = get(QStringLiteral("/icml/shop.xml"));
        QCOMPARE(status, 200);
        QCOMPARE(body, xml);
        QVERIFY(type.startsWith(QLatin1String("application/xml")));
        QCOMPARE(std::get<0>(get(QStringLiteral("/icml/other.xml"))), 404);
        server.stop();
    }

    void uploadResumesWithoutDuplicates()
    {
        // Asked for orders, it names their way in.
        const auto orders
            = ctl({ "retailcrm", "upload", "--source", "shop", "--connection", "crm", "--orders" });
        QCOMPARE(orders.exitCode, 2);
        QVERIFY2(orders.err.contains(QLatin1String("crmbridgectl source load shop")), qPrintable(orders.err));

        // Customers, interrupted after one batch. (The demo account has a customer of its own under one of
        // the shop's user ids: "already there", not a second one.)
        const int before = int(state().value("customers").toArray().size());
        const auto first
            = ctl({ "retailcrm", "upload", "--source", "shop", "--connection", "crm", "--max-batches", "1" });
        QVERIFY2(first.exitCode == 0, qPrintable(first.err + first.out));
        const Tally one = tally(first.out);
        QVERIFY2(one.read == 50 && one.uploaded + one.existing == 50 && one.refused == 0,
                 qPrintable(first.out));
        QCOMPARE(int(state().value("customers").toArray().size()), before + one.uploaded);
        QCOMPARE(state().value("orders").toArray().size(), 0);

        // Resumed: the rest, and nothing twice.
        const auto rest = ctl({ "retailcrm", "upload", "--source", "shop", "--connection", "crm" });
        QVERIFY2(rest.exitCode == 0, qPrintable(rest.err + rest.out));
        QVERIFY(rest.err.contains(QLatin1String("sent")));
        QVERIFY2(rest.out.contains(QLatin1String("source load shop")), qPrintable(rest.out));
        const Tally two = tally(rest.out);
        QVERIFY2(two.read > 0 && two.refused == 0, qPrintable(rest.out));
        const int registered = one.read + two.read;
        const int customers = int(state().value("customers").toArray().size());
        QCOMPARE(customers, before + one.uploaded + two.uploaded);
        for (int count : byExternalId(state().value("customers").toArray()))
            QCOMPARE(count, 1);

        // A crash between RetailCRM's answer and the watermark: the batches go again and are "already there".
        auto db = Storage::Database::open(m_database);
        QVERIFY_OK(db);
        QVERIFY_OK(Storage::Sql::exec(
            *db.value(), QStringLiteral("DELETE FROM watermarks WHERE stream LIKE 'retailcrm-upload:%'")));
        const auto again = ctl({ "retailcrm", "upload", "--source", "shop", "--connection", "crm" });
        QVERIFY2(again.exitCode == 0, qPrintable(again.err + again.out));
        QVERIFY2(
            again.out.contains(QStringLiteral("Customers: %1 read, 0 uploaded, %1 already there, 0 refused")
                                   .arg(registered)),
            qPrintable(again.out));
        QCOMPARE(int(state().value("customers").toArray().size()), customers);

        // The orders: the historic load into the outbox, the engine sends them in orders/upload batches.
        const auto load = ctl({ "source", "load", "shop" });
        QVERIFY2(load.exitCode == 0, qPrintable(load.err + load.out));
        const auto run = ctl({ "run", "--once" });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err.right(2000)));
        QJsonObject s = state();
        QCOMPARE(s.value("orders").toArray().size(), 130);
        // Orders carry their customer (linked by the shop user id) and the number as externalId; the
        // customers uploaded before are used, not made again.
        for (int count : byExternalId(s.value("customers").toArray()))
            QCOMPARE(count, 1);
        const QJsonObject order = s.value("orders").toArray().first().toObject();
        QVERIFY(order.value("externalId").toString().contains(QLatin1Char('-')));
        QCOMPARE(order.value("number").toString(),
                 order.value("externalId").toString().replace(QLatin1Char('-'), QLatin1Char('/')));
        QVERIFY(!order.value("items").toArray().isEmpty());

        // Loaded again from the start: nothing new is queued, nothing is sent twice.
        const auto reload = ctl({ "source", "load", "shop", "--restart" });
        QVERIFY2(reload.exitCode == 0, qPrintable(reload.err + reload.out));
        QVERIFY2(reload.out.contains(QLatin1String("130 were queued or sent before")),
                 qPrintable(reload.out));
        const auto rerun = ctl({ "run", "--once" });
        QVERIFY2(rerun.exitCode == 0, qPrintable(rerun.err.right(2000)));
        s = state();
        QCOMPARE(s.value("orders").toArray().size(), 130);
        for (int count : byExternalId(s.value("orders").toArray()))
            QCOMPARE(count, 1);
    }
};

QTEST_GUILESS_MAIN(TestRetailCatalogUpload)
#include "tst_RetailCatalogUpload.moc"
