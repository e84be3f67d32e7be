// SPDX-License-Identifier: GPL-3.0-or-later
// The 1C-Bitrix source against the sale module's tables: a throwaway MariaDB in utf8mb4 and in cp1251
// (as old sites keep them), and SQLite. Orders with their buyer found by property flags, companies,
// UTM marks, baskets, payments and shipments; the manager's saves and status changes; status
// write-back with its history row and no echo; web form results; one site of a multi-site install.
#include "MariaDbServer.h"
#include "TestDatabase.h"
#include "TestEnv.h"
#include "TestShopSources.h"
#include "engine/SourcePoller.h"
#include "model/FormSubmission.h"
#include "model/StatusChange.h"
#include "source/bitrix/BitrixDemoShop.h"
#include "source/bitrix/BitrixSource.h"
#include "storage/Sql.h"
#include "store/JobRepo.h"

#include <QJsonArray>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

using namespace Source::Bitrix;
using Common::ManualClock;
using Source::ShopDb;
using Source::ShopDbUrl;
using TestSupport::MariaDbServer;

class TestBitrixSource : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<ShopDb> m_shop;
    QString m_url; ///< without the password
    BitrixDemoShop::Stats m_stats;
    std::unique_ptr<TestSupport::TestDatabase> m_store;
    ManualClock m_clock;

    /** A demo shop of @p orders orders, @p otherSite of them on site s2. */
    void makeShop(int orders, int otherSite = 0)
    {
        QFETCH_GLOBAL(QString, engine);
        QFETCH_GLOBAL(QString, charset);
        ShopDbUrl url;
        if (engine == QLatin1String("sqlite")) {
            m_dir = std::make_unique<QTemporaryDir>();
            m_url = QStringLiteral("sqlite://") + m_dir->filePath(QStringLiteral("shop.db"));
            url = ShopDbUrl::parse(m_url).value();
        } else {
            auto created = MariaDbServer::instance().createDatabase(QStringLiteral("bitrix"));
            QVERIFY_OK(created);
            m_url = created.value();
            url = ShopDbUrl::parse(m_url).value();
            url.password = MariaDbServer::instance().password();
        }
        auto db = ShopDb::open(url, QStringLiteral("b_"));
        QVERIFY_OK(db);
        m_shop = db.value();
        BitrixDemoShop::Options options;
        options.orders = orders;
        options.otherSiteOrders = otherSite;
        options.charset = charset;
        options.forms = 3;
        auto stats = BitrixDemoShop::generate(*m_shop, options);
        QVERIFY_OK(stats);
        m_stats = stats.value();
    }
    std::shared_ptr<Source::ShopSource> openSource(const QJsonObject &config = {})
    {
        Source::SourceRecord record;
        record.name = QStringLiteral("bx");
        record.kind = QStringLiteral("bitrix");
        record.url = m_url;
        record.config = config;
        if (!record.config.contains(QStringLiteral("start")))
            record.config.insert(QStringLiteral("start"), QStringLiteral("beginning"));
        const QByteArray password = m_url.startsWith(QLatin1String("sqlite:"))
            ? QByteArray()
            : MariaDbServer::instance().password().toUtf8();
        auto source = TestSupport::shopSources()->openWithPassword(record, m_store->db(), password, &m_clock);
        if (!source)
            qFatal("%s", qPrintable(source.error().toString()));
        return source.value();
    }
    /** Rounds of the engine's way in (read → outbox) until the source has nothing more; jobs made. */
    int poll(Source::ShopSource &source)
    {
        int made = 0;
        for (int round = 0; round < 50; ++round) {
            auto read = Engine::readIntoOutbox(source, m_store->db(), 100, &m_clock);
            if (!read)
                qFatal("%s", qPrintable(read.error().toString()));
            made += read->taken.events;
            if (!read->more)
                break;
        }
        return made;
    }
    QList<Store::Job> jobs(const QString &kind)
    {
        Store::JobQuery query;
        query.limit = 10000;
        QList<Store::Job> result;
        for (const Store::Job &job : Store::JobRepo(m_store->db()).search(query).value()) {
            if (job.kind == kind)
                result << job;
        }
        std::sort(result.begin(), result.end(), [](auto &a, auto &b) { return a.id < b.id; });
        return result;
    }
    QVariant shopValue(const QString &sql, const QVariantList &binds = {})
    {
        auto value = m_shop->scalar(sql, binds);
        if (!value)
            qFatal("%s", qPrintable(value.error().toString()));
        return value.value();
    }
    void shopExec(const QString &sql, const QVariantList &binds = {})
    {
        if (auto done = m_shop->exec(sql, binds); !done)
            qFatal("%s", qPrintable(done.error().toString()));
    }
    /** A manager changes an order's status in the admin (a second later than anything before), as
     *  Bitrix records it: the order row and a history row. */
    void managerSetsStatus(qint64 orderId, const QString &status)
    {
        QVERIFY_OK(BitrixDemoShop::setStatus(*m_shop, orderId, status,
                                             QDateTime::currentDateTime().addSecs(++m_managerSeconds)));
    }
    QStringList statusesOf(const QList<Store::Job> &jobs)
    {
        QStringList statuses;
        for (const Store::Job &job : jobs)
            statuses << Model::StatusChange::fromJson(job.payload).toStatus;
        return statuses;
    }
    int m_managerSeconds = 0;

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("charset");
        QTest::newRow("mariadb-utf8mb4") << QStringLiteral("mariadb") << QStringLiteral("utf8mb4");
        QTest::newRow("mariadb-cp1251") << QStringLiteral("mariadb") << QStringLiteral("cp1251");
        QTest::newRow("sqlite") << QStringLiteral("sqlite") << QStringLiteral("utf8mb4");
    }
    void initTestCase()
    {
        QVERIFY2(MariaDbServer::instance().ok(), qPrintable(MariaDbServer::instance().error()));
    }
    void init()
    {
        auto store = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(store);
        m_store = std::move(store).value();
        m_managerSeconds = 0;
    }

    /** Every order of the site once, with its buyer found through the property flags (the legal
     *  entity's codes differ), its company, UTM marks, basket, payment and shipment. */
    void readsEveryOrderOfTheSiteOnce()
    {
        makeShop(40, 5);
        auto source = openSource({ { "site", "s1" } });
        QCOMPARE(poll(*source), 35); // the site's orders (form results from now on)
        QCOMPARE(poll(*source), 0);
        const QList<Store::Job> created = jobs(QStringLiteral("order.created"));
        QCOMPARE(created.size(), 35);
        QSet<QString> keys;
        int legal = 0, utm = 0;
        for (const Store::Job &job : created) {
            keys.insert(job.idempotencyKey);
            const Model::ShopOrder order = Model::ShopOrder::fromJson(job.payload);
            QCOMPARE(order.context, QStringLiteral("s1"));
            // ACCOUNT_NUMBER is the number people see.
            QCOMPARE(order.number,
                     shopValue(QStringLiteral("SELECT ACCOUNT_NUMBER FROM b_sale_order WHERE ID = ?"),
                               { order.id.toLongLong() })
                         .toString());
            QVERIFY(order.number.endsWith(QLatin1Char('-') + order.id));
            QCOMPARE(job.reference, order.number);
            QVERIFY2(!order.customer.name.isEmpty() && order.customer.email.contains(QLatin1Char('@'))
                         && !order.customer.phone.isEmpty(),
                     qPrintable(order.number));
            QVERIFY(!order.lines.isEmpty());
            double cart = 0;
            for (const Model::OrderLine &line : order.lines) {
                cart += line.price * line.quantity;
                QVERIFY(line.article.startsWith(QLatin1String("ART-")));
                QVERIFY(!line.categoryIds.isEmpty());
                QVERIFY(!line.options.contains(QStringLiteral("Catalog XML_ID")));
            }
            QCOMPARE(order.cost, cart + order.deliveryCost);
            QVERIFY(!order.deliveryName.isEmpty() && order.deliveryName != QStringLiteral("Без доставки"));
            QVERIFY(!order.paymentName.isEmpty());
            QVERIFY(!order.statusName.isEmpty() && order.statusName != order.statusId);
            QCOMPARE(order.properties.value("PAYMENTS").toArray().size(), 1);
            QCOMPARE(order.properties.value("SHIPMENTS").toArray().size(), 1); // the system one left out
            if (order.properties.value("LEGAL_ENTITY").toString() == QLatin1String("Y")) {
                ++legal;
                QVERIFY(!order.customer.extra.value("company").toString().isEmpty());
                QCOMPARE(order.customer.name, order.properties.value("CONTACT_PERSON").toString());
                QCOMPARE(order.customer.email, order.properties.value("E_MAIL_UL").toString());
                QCOMPARE(order.customer.phone, order.properties.value("CONTACT_PHONE").toString());
                QVERIFY(!order.properties.value("INN").toString().isEmpty());
            } else {
                QVERIFY(!order.customer.extra.contains("company"));
                QCOMPARE(order.customer.name, order.properties.value("FIO").toString());
                QCOMPARE(order.address.index, order.properties.value("ZIP").toString());
            }
            if (!order.utm.isEmpty()) {
                ++utm;
                QCOMPARE(order.utm.value("utm_source"), order.properties.value("UTM_SOURCE").toString());
                QVERIFY(!order.utm.value("utm_campaign").isEmpty());
            }
        }
        QCOMPARE(keys.size(), 35);
        QCOMPARE(legal,
                 shopValue(QStringLiteral(
                               "SELECT COUNT(*) FROM b_sale_order WHERE LID = 's1' AND PERSON_TYPE_ID = 2"))
                     .toInt());
        QVERIFY(legal > 0);
        QCOMPARE(utm,
                 shopValue(
                     QStringLiteral(
                         "SELECT COUNT(DISTINCT ORDER_ID) FROM b_sale_order_props_value v JOIN"
                         " b_sale_order o ON o.ID = v.ORDER_ID WHERE o.LID = 's1' AND v.CODE = 'UTM_SOURCE'"))
                     .toInt());
        QVERIFY(utm > 0);
    }

    /** Cyrillic text is read as it was written, whatever the tables' character set. */
    void readsTextInTheTablesCharacterSet()
    {
        QFETCH_GLOBAL(QString, engine);
        QFETCH_GLOBAL(QString, charset);
        makeShop(5);
        auto source = openSource();
        auto summary = source->summary();
        QVERIFY_OK(summary);
        QVERIFY2(
            summary->details.contains(engine == QLatin1String("sqlite") ? QStringLiteral("utf8") : charset),
            qPrintable(summary->details));
        QVERIFY(summary->details.contains(QStringLiteral("Юридическое лицо (2, legal entity)")));
        QCOMPARE(summary->orders, 5);
        QCOMPARE(summary->statuses, 4); // order statuses only: DN, DF are shipment statuses
        QCOMPARE(summary->categories, 10);
        auto statuses = source->statuses();
        QVERIFY_OK(statuses);
        QCOMPARE(statuses->last().name, QStringLiteral("Выполнен"));
        if (engine == QLatin1String("mariadb")) {
            // The bytes on disk are the tables' own encoding: cp1251 is one byte a letter.
            const QByteArray hex
                = shopValue(QStringLiteral("SELECT HEX(NAME) FROM b_sale_status_lang WHERE STATUS_ID = 'F'"
                                           " AND LID = 'ru'"))
                      .toByteArray();
            const QByteArray expected = charset == QLatin1String("cp1251")
                ? QByteArray("C2FBEFEEEBEDE5ED")
                : QStringLiteral("Выполнен").toUtf8().toHex().toUpper();
            QCOMPARE(hex, expected);
        }
        QCOMPARE(poll(*source), 5);
        const Model::ShopOrder order
            = Model::ShopOrder::fromJson(jobs(QStringLiteral("order.created")).first().payload);
        QVERIFY(order.customer.name.contains(
            QRegularExpression(QStringLiteral("^[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+$"))));
        const QStringList names { QStringLiteral("Курьер по городу"), QStringLiteral("Самовывоз"),
                                  QStringLiteral("Почта России") };
        QVERIFY2(names.contains(order.deliveryName), qPrintable(order.deliveryName));
    }

    /** New orders after the start; a new source starts at the present unless told to start at the first. */
    void newOrdersAfterTheStart()
    {
        makeShop(10);
        auto source = openSource({ { "start", "latest" }, { "forms", false } });
        QCOMPARE(poll(*source), 0);
        QVERIFY_OK(BitrixDemoShop::addOrders(*m_shop, 3, 5));
        QCOMPARE(poll(*source), 3);
        QCOMPARE(poll(*source), 0);
        QCOMPARE(jobs(QStringLiteral("order.created")).size(), 3);
        QVERIFY_OK(BitrixDemoShop::addOrders(*m_shop, 2, 6, QStringLiteral("s2")));
        QCOMPARE(poll(*source), 2); // no site filter: every site
    }

    /** A manager's save that changes the order is an order.changed; one that changes nothing, or only
     *  the status, is not (the status change is an order.status). */
    void managersSaveIsAnOrderChange()
    {
        makeShop(6);
        auto source = openSource({ { "forms", false } });
        QCOMPARE(poll(*source), 6);
        const qint64 id = shopValue(QStringLiteral("SELECT MIN(ID) FROM b_sale_order")).toLongLong();
        const QString before
            = shopValue(QStringLiteral("SELECT COMMENTS FROM b_sale_order WHERE ID = ?"), { id }).toString();
        QVERIFY_OK(BitrixDemoShop::editOrder(*m_shop, id, before)); // saved, nothing changed
        QCOMPARE(poll(*source), 0);
        QVERIFY_OK(
            BitrixDemoShop::editOrder(*m_shop, id, QStringLiteral("Клиент просит доставку после 18:00")));
        QCOMPARE(poll(*source), 1);
        const QList<Store::Job> changes = jobs(QStringLiteral("order.changed"));
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().idempotencyKey, QStringLiteral("order:bx:%1:changed:1").arg(id));
        QCOMPARE(Model::ShopOrder::fromJson(changes.first().payload).properties.value("COMMENTS").toString(),
                 QStringLiteral("Клиент просит доставку после 18:00"));
        const QString next
            = shopValue(QStringLiteral("SELECT STATUS_ID FROM b_sale_order WHERE ID = ?"), { id }).toString()
                == QLatin1String("S")
            ? QStringLiteral("F")
            : QStringLiteral("S");
        managerSetsStatus(id, next);
        QCOMPARE(poll(*source), 1);
        QCOMPARE(jobs(QStringLiteral("order.changed")).size(), 1);
        const QList<Store::Job> statuses = jobs(QStringLiteral("order.status"));
        QCOMPARE(statuses.size(), 1);
        const Model::StatusChange change = Model::StatusChange::fromJson(statuses.first().payload);
        QCOMPARE(change.orderId, QString::number(id));
        QCOMPARE(change.toStatus, next);
        QCOMPARE(statuses.first().reference,
                 shopValue(QStringLiteral("SELECT ACCOUNT_NUMBER FROM b_sale_order WHERE ID = ?"), { id })
                     .toString());
    }

    /** A status from the CRM is written as Bitrix records it — STATUS_ID, DATE_STATUS, a history row —
     *  and does not come back; a manager's change after it does. */
    void statusWriteBackWithHistoryAndNoEcho()
    {
        makeShop(4);
        auto source = openSource({ { "forms", false }, { "history_user_id", 1 } });
        QCOMPARE(poll(*source), 4);
        const qint64 id = shopValue(QStringLiteral("SELECT MAX(ID) FROM b_sale_order")).toLongLong();
        const QString from
            = shopValue(QStringLiteral("SELECT STATUS_ID FROM b_sale_order WHERE ID = ?"), { id }).toString();
        const QString to = from == QLatin1String("P") ? QStringLiteral("F") : QStringLiteral("P");
        const int historyBefore
            = shopValue(QStringLiteral("SELECT COUNT(*) FROM b_sale_order_change WHERE ORDER_ID = ?"), { id })
                  .toInt();
        // A clock far behind the database's must not matter: Bitrix's own time is written.
        m_clock.setMs(QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch());

        QVERIFY_OK(source->writeStatus(QString::number(id), to));
        QCOMPARE(
            shopValue(QStringLiteral("SELECT STATUS_ID FROM b_sale_order WHERE ID = ?"), { id }).toString(),
            to);
        const QDateTime written = Source::Bitrix::SaleOrderReader::toDateTime(
            shopValue(QStringLiteral("SELECT DATE_STATUS FROM b_sale_order WHERE ID = ?"), { id }));
        QVERIFY(qAbs(written.secsTo(QDateTime::currentDateTimeUtc())) < 120);
        QCOMPARE(
            shopValue(QStringLiteral("SELECT COUNT(*) FROM b_sale_order_change WHERE ORDER_ID = ?"), { id })
                .toInt(),
            historyBefore + 1);
        QCOMPARE(shopValue(QStringLiteral(
                               "SELECT DATA FROM b_sale_order_change WHERE ORDER_ID = ? ORDER BY ID DESC"),
                           { id })
                     .toString(),
                 QStringLiteral("a:2:{s:9:\"STATUS_ID\";s:1:\"%1\";s:13:\"OLD_STATUS_ID\";s:1:\"%2\";}")
                     .arg(to, from));
        QCOMPARE(shopValue(QStringLiteral(
                               "SELECT TYPE FROM b_sale_order_change WHERE ORDER_ID = ? ORDER BY ID DESC"),
                           { id })
                     .toString(),
                 QStringLiteral("ORDER_STATUS_CHANGED"));
        QCOMPARE(shopValue(QStringLiteral(
                               "SELECT USER_ID FROM b_sale_order_change WHERE ORDER_ID = ? ORDER BY ID DESC"),
                           { id })
                     .toInt(),
                 1);
        QCOMPARE(poll(*source), 0); // our own write: no order.status, and the save changed nothing else
        QCOMPARE(jobs(QStringLiteral("order.status")).size(), 0);
        QCOMPARE(jobs(QStringLiteral("order.changed")).size(), 0);

        managerSetsStatus(id, QStringLiteral("S"));
        QCOMPARE(poll(*source), 1);
        QCOMPARE(Model::StatusChange::fromJson(jobs(QStringLiteral("order.status")).first().payload).toStatus,
                 QStringLiteral("S"));

        auto unknown = source->writeStatus(QString::number(id), QStringLiteral("ZZ"));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, QStringLiteral("status-unknown"));
        auto same = source->writeStatus(QString::number(id), QStringLiteral("S"));
        QVERIFY(!same);
        QCOMPARE(same.error().code, QStringLiteral("status-same"));
        // Ours and the manager's; the refused writes left none.
        QCOMPARE(
            shopValue(QStringLiteral("SELECT COUNT(*) FROM b_sale_order_change WHERE ORDER_ID = ?"), { id })
                .toInt(),
            historyBefore + 2);
    }

    /** Two status changes within one second (issue 19): each is its own order.status, in the order
     *  they were made — read in one poll, and read across two polls of the same second. */
    void twoStatusChangesWithinOneSecondAreBothRead()
    {
        makeShop(3);
        auto source = openSource({ { "forms", false } });
        QCOMPARE(poll(*source), 3);
        const qint64 id = shopValue(QStringLiteral("SELECT MIN(ID) FROM b_sale_order")).toLongLong();
        const QDateTime second = QDateTime::currentDateTime().addSecs(5);

        QVERIFY_OK(BitrixDemoShop::setStatus(*m_shop, id, QStringLiteral("P"), second));
        QVERIFY_OK(BitrixDemoShop::setStatus(*m_shop, id, QStringLiteral("S"), second));
        QCOMPARE(poll(*source), 2);
        QCOMPARE(statusesOf(jobs(QStringLiteral("order.status"))),
                 (QStringList { QStringLiteral("P"), QStringLiteral("S") }));
        const Model::StatusChange last
            = Model::StatusChange::fromJson(jobs(QStringLiteral("order.status")).last().payload);
        QCOMPARE(last.fromStatus, QStringLiteral("P"));

        // The same second again, after a poll has read it: still seen.
        QVERIFY_OK(BitrixDemoShop::setStatus(*m_shop, id, QStringLiteral("F"), second));
        QCOMPARE(poll(*source), 1);
        QVERIFY_OK(BitrixDemoShop::setStatus(*m_shop, id, QStringLiteral("P"), second));
        QCOMPARE(poll(*source), 1);
        QCOMPARE(statusesOf(jobs(QStringLiteral("order.status"))),
                 (QStringList { QStringLiteral("P"), QStringLiteral("S"), QStringLiteral("F"),
                                QStringLiteral("P") }));
        QCOMPARE(poll(*source), 0);
        // A reopened source goes on from its marks: nothing again.
        source = openSource({ { "forms", false } });
        QCOMPARE(poll(*source), 0);
        QCOMPARE(jobs(QStringLiteral("order.status")).size(), 4);
    }

    /** A status history row whose DATA this version cannot read still delivers the change: the
     *  order's status as it is now. */
    void anUnreadableHistoryRowSendsTheOrdersStatus()
    {
        makeShop(2);
        auto source = openSource({ { "forms", false } });
        QCOMPARE(poll(*source), 2);
        const qint64 id = shopValue(QStringLiteral("SELECT MIN(ID) FROM b_sale_order")).toLongLong();
        const QString now = QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        shopExec(QStringLiteral("UPDATE b_sale_order SET STATUS_ID = 'F', DATE_STATUS = ? WHERE ID = ?"),
                 { now, id });
        shopExec(QStringLiteral(
                     "INSERT INTO b_sale_order_change (ORDER_ID, TYPE, DATA, DATE_CREATE, DATE_MODIFY,"
                     " USER_ID, ENTITY, ENTITY_ID) VALUES (?, 'ORDER_STATUS_CHANGED', '{\"STATUS\":\"F\"}',"
                     " ?, ?, 1, 'ORDER', ?)"),
                 { id, now, now, id });
        QCOMPARE(poll(*source), 1);
        QCOMPARE(statusesOf(jobs(QStringLiteral("order.status"))), QStringList { QStringLiteral("F") });
    }

    /** A web form result is a form submission with its questions as fields and its UTM mark. */
    void formResultsAreSubmissions()
    {
        makeShop(2);
        auto source = openSource({ { "start", "latest" } });
        QCOMPARE(poll(*source), 0);
        auto id = BitrixDemoShop::addFormResult(*m_shop, QStringLiteral("Ольга Петрова"),
                                                QStringLiteral("8 912 000-11-22"),
                                                QStringLiteral("после обеда"), QStringLiteral("yandex"));
        QVERIFY_OK(id);
        // Bitrix writes a result's answers after its row: a result seen for the first time waits a
        // second (a read in between could take it without its last answers, the UTM mark).
        QCOMPARE(poll(*source), 0);
        m_clock.advanceMs(999);
        QCOMPARE(poll(*source), 0);
        m_clock.advanceMs(1);
        QCOMPARE(poll(*source), 1);
        QCOMPARE(poll(*source), 0);
        const QList<Store::Job> forms = jobs(QStringLiteral("form.submitted"));
        QCOMPARE(forms.size(), 1);
        const Model::FormSubmission form = Model::FormSubmission::fromJson(forms.first().payload);
        QCOMPARE(form.id, QString::number(id.value()));
        QCOMPARE(form.formName, QStringLiteral("Обратный звонок"));
        QCOMPARE(form.field(QStringLiteral("NAME")), QStringLiteral("Ольга Петрова"));
        QCOMPARE(form.field(QStringLiteral("PHONE")), QStringLiteral("8 912 000-11-22"));
        QCOMPARE(form.field(QStringLiteral("Удобное время звонка")), QStringLiteral("после обеда"));
        QCOMPARE(form.utm.value(QStringLiteral("utm_source")), QStringLiteral("yandex"));
        QCOMPARE(forms.first().phone, QStringLiteral("+79120001122"));
    }

    /** The mapping editor lists Bitrix's fields and the shop's order properties by their names. */
    void fieldCatalogueNamesTheProperties()
    {
        makeShop(1);
        auto source = openSource();
        auto fields = source->fieldCatalogue();
        QVERIFY_OK(fields);
        QHash<QString, QString> labels;
        for (const Model::SourceField &field : fields.value())
            labels.insert(field.path, field.label);
        QVERIFY(labels.contains(QStringLiteral("customer.company")));
        QVERIFY(labels.contains(QStringLiteral("utm.source")));
        QVERIFY(labels.value(QStringLiteral("order.properties.INN")).contains(QStringLiteral("ИНН")));
        QVERIFY(labels.value(QStringLiteral("order.properties.CONTACT_PERSON"))
                    .contains(QStringLiteral("Контактное лицо")));
        QVERIFY(labels.contains(QStringLiteral("order.properties.PAYED")));
        auto methods = source->methods(Source::MethodKind::Payment);
        QVERIFY_OK(methods);
        QCOMPARE(methods->size(), 3);
        auto tree = source->categories();
        QVERIFY_OK(tree);
        QCOMPARE(tree->categories().size(), 10);
    }

    /** The catalogue for a CRM's products: the iblock sections, the catalog module's products with
     *  their base price, stock and weight, and their sections. */
    void catalogueHasTheProductsWithTheirBasePrice()
    {
        makeShop(1);
        auto source = openSource();
        auto catalog = source->catalog(QStringLiteral("https://shop.example.ru/"));
        QVERIFY_OK(catalog);
        QCOMPARE(catalog->categories.size(), 10);
        QCOMPARE(catalog->products.size(), 10);
        const Model::CatalogProduct &jacket = catalog->products.first();
        QCOMPARE(jacket.name, QStringLiteral("Куртка зимняя «Аляска»"));
        QCOMPARE(jacket.price, 12990.0);
        QCOMPARE(jacket.weight, 1.8);
        QVERIFY(jacket.quantity >= 5);
        QCOMPARE(jacket.url, QStringLiteral("https://shop.example.ru/catalog/item-1/"));
        QCOMPARE(jacket.categoryIds.size(), 1);
        const QString section = jacket.categoryIds.first();
        QVERIFY(std::any_of(catalog->categories.cbegin(), catalog->categories.cend(),
                            [&](const Model::CatalogCategory &c) {
                                return c.id == section && c.name == QStringLiteral("Куртки");
                            }));
    }
};

QTEST_GUILESS_MAIN(TestBitrixSource)
#include "tst_BitrixSource.moc"
