// SPDX-License-Identifier: GPL-3.0-or-later
// `crmbridgectl mapping export|import` as an operator runs it: review a mapping, break it, fix it.
#include "TestDatabase.h"
#include "TestEnv.h"
#include "common/Json.h"
#include "mapping/MappingRepo.h"
#include "mapping/MappingSet.h"
#include "store/ConnectionRepo.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Run
{
    int code = -1;
    QString out, err;
};
Run ctl(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(CRMBRIDGECTL_PATH), args);
    Run r;
    if (!p.waitForFinished(60000))
        return r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

Crm::CrmSchema schema()
{
    Crm::CrmSchema s;
    Crm::Pipeline pipeline;
    pipeline.id = QStringLiteral("100");
    pipeline.name = QStringLiteral("Заказы с сайта");
    pipeline.isMain = true;
    Crm::Stage stage;
    stage.id = QStringLiteral("1001");
    stage.name = QStringLiteral("Новый заказ");
    pipeline.stages.append(stage);
    s.pipelines.append(pipeline);
    Crm::CustomField city;
    city.id = QStringLiteral("501");
    city.entity = Crm::Entity::Deal;
    city.name = QStringLiteral("Город");
    city.type = QStringLiteral("text");
    s.fields.append(city);
    return s;
}
} // namespace

class TestMappingCtl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exportEditImport()
    {
        auto test = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(test);
        auto db = test.value()->db();
        Store::Connection c;
        c.name = QStringLiteral("amo");
        c.crm = QStringLiteral("amocrm");
        c.baseUrl = QStringLiteral("https://shop.amocrm.ru");
        auto connection = Store::ConnectionRepo(db).add(c);
        QVERIFY_OK(connection);
        Mapping::MappingRepo repo(db);
        QVERIFY_OK(repo.saveSchema(connection->id, schema()));
        QVERIFY_OK(repo.save(connection->id, Mapping::MappingSet::defaults(schema())));

        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("mapping.json"));
        const QString url = test.value()->url();
        const Run exported = ctl(
            { QStringLiteral("--database"), url, QStringLiteral("mapping"), QStringLiteral("export"), file });
        QVERIFY2(exported.code == 0, qPrintable(exported.err));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject json = Common::Json::parseObject(f.readAll()).value();
        f.close();
        QCOMPARE(json.value(QStringLiteral("format")).toString(), QStringLiteral("crmbridge.mapping"));

        // A field row pointing at a field the account does not have: refused, nothing changes.
        QJsonObject broken = json;
        QJsonObject orders = broken.value(QStringLiteral("orders")).toObject();
        QJsonArray rows = orders.value(QStringLiteral("rows")).toArray();
        QVERIFY(!rows.isEmpty());
        QJsonObject row = rows[0].toObject();
        row.insert(QStringLiteral("target"),
                   QJsonObject { { QStringLiteral("kind"), QStringLiteral("custom") },
                                 { QStringLiteral("entity"), QStringLiteral("deal") },
                                 { QStringLiteral("field_id"), QStringLiteral("999") },
                                 { QStringLiteral("field_name"), QStringLiteral("Удалённое поле") },
                                 { QStringLiteral("field_type"), QStringLiteral("text") } });
        row.insert(QStringLiteral("active"), true);
        rows[0] = row;
        orders.insert(QStringLiteral("rows"), rows);
        broken.insert(QStringLiteral("orders"), orders);
        const QString brokenFile = dir.filePath(QStringLiteral("broken.json"));
        QFile bf(brokenFile);
        QVERIFY(bf.open(QIODevice::WriteOnly));
        bf.write(Common::Json::compact(broken));
        bf.close();
        const Run refused = ctl({ QStringLiteral("--database"), url, QStringLiteral("mapping"),
                                  QStringLiteral("import"), brokenFile });
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("nothing changed")), qPrintable(refused.err));
        QCOMPARE(repo.load(connection->id)->value(), Mapping::MappingSet::defaults(schema()));

        // A reviewed change goes in whole.
        json.insert(QStringLiteral("phone_region"), QStringLiteral("KZ"));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(Common::Json::compact(json));
        f.close();
        const Run imported = ctl(
            { QStringLiteral("--database"), url, QStringLiteral("mapping"), QStringLiteral("import"), file });
        QVERIFY2(imported.code == 0, qPrintable(imported.err));
        QCOMPARE(repo.load(connection->id)->value().phoneRegion, QStringLiteral("KZ"));

        const Run garbage = ctl({ QStringLiteral("--database"), url, QStringLiteral("mapping"),
                                  QStringLiteral("import"), QStringLiteral("/nonexistent.json") });
        QCOMPARE(garbage.code, 1);
    }
};

QTEST_GUILESS_MAIN(TestMappingCtl)
#include "tst_MappingCtl.moc"
