// SPDX-License-Identifier: GPL-3.0-or-later
#include "DialectSuite.h"
#include "TestEnv.h"
#include "common/Json.h"
#include "mapping/MappingRepo.h"
#include "storage/Sql.h"
#include "store/ConnectionRepo.h"

#include <QFile>
#include <QTest>

using namespace Store;
using Mapping::MappingRepo;

namespace {

Crm::CrmSchema schema()
{
    QFile file(TestSupport::sourceDir() + QStringLiteral("/tests/fixtures/mapping/schema_amocrm.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("no schema fixture");
    return Crm::CrmSchema::fromJson(Common::Json::parseObject(file.readAll()).value()).value();
}

Mapping::MappingSet fullSet()
{
    Mapping::MappingSet set = Mapping::MappingSet::defaults(schema());
    set.statuses.rows
        = { { "s1", "1", QStringLiteral("Новый"), "7001", "70011", Mapping::StatusRow::Direction::Both },
            { "s2", "999", QStringLiteral("Черновик"), {}, {}, Mapping::StatusRow::Direction::DontSend } };
    set.statuses.unmappedFromCrm = Mapping::StatusMap::UnmappedFromCrm::DefaultStatus;
    set.statuses.defaultShopStatusId = QStringLiteral("1");
    set.routing.rules = { { "r1", "2", "7002", "70021", "502", true }, { "r2", "4", "7003", "", "", false } };
    set.routing.categoryWins = false;
    set.formRouting = { QStringLiteral("7001"), QStringLiteral("70010"), QStringLiteral("501") };
    return set;
}

} // namespace

/** Mappings and schema caches per connection, on SQLite and PostgreSQL. */
class TestMappingRepo : public TestSupport::DialectSuite
{
    Q_OBJECT

private:
    qint64 m_connection = 0;

    qint64 addConnection(const QString &name)
    {
        Connection c;
        c.name = name;
        c.crm = QStringLiteral("amocrm");
        c.baseUrl = QStringLiteral("https://shop.amocrm.ru");
        auto added = ConnectionRepo(m_test->db()).add(c);
        return added ? added->id : 0;
    }

protected:
    void initStore() override
    {
        m_connection = addConnection(QStringLiteral("Магазин"));
        QVERIFY(m_connection > 0);
    }

private slots:

    void nothingSavedYet()
    {
        MappingRepo repo(m_test->db());
        auto loaded = repo.load(m_connection);
        QVERIFY_OK(loaded);
        QVERIFY(!loaded->has_value());
        auto cached = repo.loadSchema(m_connection);
        QVERIFY_OK(cached);
        QVERIFY(!cached->has_value());
    }

    void saveAndLoad()
    {
        MappingRepo repo(m_test->db());
        const Mapping::MappingSet set = fullSet();
        QVERIFY_OK(repo.save(m_connection, set));
        auto loaded = repo.load(m_connection);
        QVERIFY_OK(loaded);
        QVERIFY(loaded->has_value());
        QCOMPARE(loaded->value(), set);

        // Rows are kept one per table row, in order.
        auto count = Storage::Sql::scalar(
            *m_test->db(),
            QStringLiteral(
                "SELECT COUNT(*) FROM field_maps WHERE connection_id = ? AND source_kind = 'orders'"),
            { m_connection });
        QVERIFY_OK(count);
        QCOMPARE(count->toInt(), int(set.orders.rows.size()));
    }

    void saveReplacesTheWholeSet()
    {
        MappingRepo repo(m_test->db());
        QVERIFY_OK(repo.save(m_connection, fullSet()));
        Mapping::MappingSet smaller = fullSet();
        smaller.orders.rows.resize(2);
        smaller.statuses.rows.clear();
        smaller.routing.rules.removeLast();
        smaller.orders.dealNameTemplate = QStringLiteral("Заказ №{order.num}");
        QVERIFY_OK(repo.save(m_connection, smaller));
        QCOMPARE(repo.load(m_connection)->value(), smaller);
    }

    void connectionsAreSeparate()
    {
        MappingRepo repo(m_test->db());
        const qint64 other = addConnection(QStringLiteral("Второй магазин"));
        Mapping::MappingSet otherSet = Mapping::MappingSet::defaults(Crm::CrmSchema());
        QVERIFY_OK(repo.save(m_connection, fullSet()));
        QVERIFY_OK(repo.save(other, otherSet));
        QCOMPARE(repo.load(m_connection)->value(), fullSet());
        QCOMPARE(repo.load(other)->value(), otherSet);
        QVERIFY_OK(repo.remove(other));
        QVERIFY(!repo.load(other)->has_value());
        QVERIFY(repo.load(m_connection)->has_value());
    }

    void invalidSetIsRefusedAndNothingChanges()
    {
        MappingRepo repo(m_test->db());
        QVERIFY_OK(repo.save(m_connection, fullSet()));
        Mapping::MappingSet broken = fullSet();
        broken.statuses.rows.append({ "s3", "1", {}, "7001", "70012", Mapping::StatusRow::Direction::ToCrm });
        auto saved = repo.save(m_connection, broken);
        QVERIFY(!saved);
        QCOMPARE(saved.error().kind, Common::ErrorKind::InvalidInput);
        QCOMPARE(repo.load(m_connection)->value(), fullSet());
    }

    void unknownConnectionIsRefused()
    {
        MappingRepo repo(m_test->db());
        auto saved = repo.save(m_connection + 1000, fullSet());
        QVERIFY(!saved);
        QCOMPARE(saved.error().code, QStringLiteral("constraint"));
        QVERIFY(!repo.load(m_connection + 1000)->has_value());
    }

    void deletingTheConnectionDeletesItsMapping()
    {
        MappingRepo repo(m_test->db());
        QVERIFY_OK(repo.save(m_connection, fullSet()));
        QVERIFY_OK(repo.saveSchema(m_connection, schema()));
        QVERIFY_OK(ConnectionRepo(m_test->db()).remove(m_connection));
        QVERIFY(!repo.load(m_connection)->has_value());
        QVERIFY(!repo.loadSchema(m_connection)->has_value());
        auto rows = Storage::Sql::scalar(*m_test->db(), QStringLiteral("SELECT COUNT(*) FROM field_maps"));
        QCOMPARE(rows->toInt(), 0);
    }

    void rowsUsingField()
    {
        MappingRepo repo(m_test->db());
        Mapping::MappingSet set = fullSet();
        Mapping::FieldRow formRow;
        formRow.id = QStringLiteral("y1");
        formRow.source = QStringLiteral("form.page_url");
        formRow.target = Mapping::FieldTarget::custom(*schema().field(QStringLiteral("104")));
        set.forms.rows.append(formRow);
        QVERIFY_OK(repo.save(m_connection, set));
        auto rows = repo.rowsUsingField(m_connection, QStringLiteral("104"));
        QVERIFY_OK(rows);
        QCOMPARE(rows.value(), (QStringList { "forms/y1", "orders/o9" }));
        QVERIFY(repo.rowsUsingField(m_connection, QStringLiteral("10"))->isEmpty());
    }

    void schemaCache()
    {
        MappingRepo repo(m_test->db());
        Crm::CrmSchema s = schema();
        QVERIFY_OK(repo.saveSchema(m_connection, s));
        QCOMPARE(repo.loadSchema(m_connection)->value(), s);
        s.users.removeLast();
        s.fetchedAt = s.fetchedAt.addSecs(3600);
        QVERIFY_OK(repo.saveSchema(m_connection, s));
        QCOMPARE(repo.loadSchema(m_connection)->value(), s);
        auto fetched = Storage::Sql::scalar(
            *m_test->db(), QStringLiteral("SELECT fetched_at FROM crm_schema_cache WHERE connection_id = ?"),
            { m_connection });
        QCOMPARE(fetched->toLongLong(), s.fetchedAt.toMSecsSinceEpoch());
    }
};

QTEST_GUILESS_MAIN(TestMappingRepo)
#include "tst_MappingRepo.moc"
