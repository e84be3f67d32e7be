// SPDX-License-Identifier: GPL-3.0-or-later
// crmbridgectl speaks the operator's language: LC_ALL, LC_MESSAGES or LANG choose Russian or English for
// its messages, usage lines and help, with Russian plural forms; machine output stays as scripts read it.
// Runs crmbridgectl as a process on a SQLite store.
#include "CtlProcess.h"
#include "TestDatabase.h"
#include "TestEnv.h"
#include "store/ConnectionRepo.h"
#include "store/JobRepo.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::TestDatabase;

namespace {
struct Run
{
    int code = -1;
    QString out;
    QString err;
};

/** Runs crmbridgectl in a locale: the inherited LC_ALL, LC_MESSAGES, LANG and LANGUAGE are replaced by
 *  @p locale (e.g. {{"LANG", "ru_RU.UTF-8"}}). */
Run ctlIn(const QList<QPair<QString, QString>> &locale, const QStringList &args)
{
    QProcess process;
    TestSupport::prepareCtl(process, QStringLiteral(CRMBRIDGECTL_PATH), args);
    QProcessEnvironment env = process.processEnvironment();
    for (const char *name : { "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE" })
        env.remove(QString::fromLatin1(name));
    for (const auto &[name, value] : locale)
        env.insert(name, value);
    process.setProcessEnvironment(env);
    process.start();
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        return {};
    }
    return { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
             QString::fromUtf8(process.readAllStandardError()) };
}

const QList<QPair<QString, QString>> kRussian { { QStringLiteral("LANG"), QStringLiteral("ru_RU.UTF-8") } };
const QList<QPair<QString, QString>> kEnglish { { QStringLiteral("LANG"), QStringLiteral("C") } };
} // namespace

class TestCtlLanguage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    /** An operator whose LANG is Russian reads status, connection, hook, settings and help texts in
     *  Russian, counts with the right plural form (1 задание, 3 задания, 5 заданий); LC_ALL wins over
     *  LANG; --json and `settings list` lines stay as scripts read them; LANG=C answers in English. */
    void messagesFollowTheLocale()
    {
        auto test = TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(test);
        const QString url = test.value()->url();
        Store::JobRepo jobs(test.value()->db());
        auto enqueue = [&jobs](int count, std::optional<qint64> connection) {
            static int next = 0;
            for (int i = 0; i < count; ++i) {
                Store::NewJob job;
                job.kind = QStringLiteral("order.created");
                job.connectionId = connection;
                job.idempotencyKey = QStringLiteral("lang%1").arg(++next);
                if (!jobs.enqueue(job))
                    return false;
            }
            return true;
        };
        const QStringList status { QStringLiteral("--database"), url, QStringLiteral("status") };

        QVERIFY(enqueue(1, std::nullopt));
        Run ru = ctlIn(kRussian, status);
        QCOMPARE(ru.code, 0);
        QVERIFY2(ru.out.contains(QStringLiteral("Хранилище: ")), qPrintable(ru.out));
        QVERIFY2(ru.out.contains(QStringLiteral("Ждут подключения к CRM: 1 задание\n")), qPrintable(ru.out));
        Run en = ctlIn(kEnglish, status);
        QVERIFY2(en.out.contains(QStringLiteral("Waiting for a CRM connection: 1 job\n")),
                 qPrintable(en.out));
        QVERIFY2(en.out.contains(QStringLiteral("Store: ")), qPrintable(en.out));
        QVERIFY(enqueue(2, std::nullopt));
        ru = ctlIn(kRussian, status);
        QVERIFY2(ru.out.contains(QStringLiteral("Ждут подключения к CRM: 3 задания\n")), qPrintable(ru.out));
        QVERIFY(enqueue(2, std::nullopt));
        ru = ctlIn(kRussian, status);
        QVERIFY2(ru.out.contains(QStringLiteral("Ждут подключения к CRM: 5 заданий\n")), qPrintable(ru.out));
        en = ctlIn(kEnglish, status);
        QVERIFY2(en.out.contains(QStringLiteral("Waiting for a CRM connection: 5 jobs\n")),
                 qPrintable(en.out));
        // Machines read the same JSON whatever the operator's language.
        ru = ctlIn(kRussian, status + QStringList { QStringLiteral("--json") });
        QCOMPARE(QJsonDocument::fromJson(ru.out.toUtf8()).object().value(QStringLiteral("pending")).toInt(),
                 5);

        // LC_ALL overrides LANG, both ways.
        const QStringList hooks { QStringLiteral("--database"), url, QStringLiteral("hook"),
                                  QStringLiteral("list") };
        const Run allRu = ctlIn({ { QStringLiteral("LC_ALL"), QStringLiteral("ru") },
                                  { QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8") } },
                                hooks);
        QCOMPARE(allRu.code, 0);
        QCOMPARE(allRu.out.trimmed(), QStringLiteral("Хуков нет."));
        const Run allEn = ctlIn({ { QStringLiteral("LC_ALL"), QStringLiteral("en_US.UTF-8") },
                                  { QStringLiteral("LANG"), QStringLiteral("ru_RU.UTF-8") } },
                                hooks);
        QCOMPARE(allEn.out.trimmed(), QStringLiteral("No hooks."));

        // A connection's settings in words; the `key = value` lines scripts read stay as they are.
        Store::Connection shop;
        shop.name = QStringLiteral("shop");
        shop.crm = QStringLiteral("amocrm");
        shop.baseUrl = QStringLiteral("https://shop.amocrm.ru");
        auto added = Store::ConnectionRepo(test.value()->db()).add(shop);
        QVERIFY_OK(added);
        const Run set
            = ctlIn(kRussian,
                    { QStringLiteral("--database"), url, QStringLiteral("settings"), QStringLiteral("set"),
                      QStringLiteral("contacts.match_rule"), QStringLiteral("phone-then-email") });
        QCOMPARE(set.code, 0);
        QVERIFY2(set.out.contains(QStringLiteral("contacts.match_rule = phone-then-email\n")),
                 qPrintable(set.out));
        QVERIFY2(
            set.out.contains(QStringLiteral("Подключение shop: контакты сопоставляются по phone-then-email")),
            qPrintable(set.out));

        // Removing it tells, in Russian, how many of its jobs were cancelled (2 задания).
        QVERIFY(enqueue(2, added->id));
        QTemporaryDir dir;
        QFile key(dir.filePath(QStringLiteral("key")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(QByteArray(32, '\x5a').toHex());
        key.close();
        QVERIFY(key.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        const Run removed
            = ctlIn(kRussian,
                    { QStringLiteral("--database"), url, QStringLiteral("--secret-key-file"), key.fileName(),
                      QStringLiteral("connection"), QStringLiteral("remove"), QStringLiteral("shop") });
        QCOMPARE(removed.code, 0);
        QVERIFY2(removed.out.contains(
                     QStringLiteral("Подключение «shop» удалено; отменено 2 его неотправленных задания.")),
                 qPrintable(removed.out + removed.err));

        // Usage lines and help: crmbridgectl's words and Qt's own.
        const Run usage = ctlIn(kRussian, { QStringLiteral("connection"), QStringLiteral("remove") });
        QCOMPARE(usage.code, 2);
        QCOMPARE(usage.err.trimmed(), QStringLiteral("Использование: crmbridgectl connection remove ИМЯ"));
        const Run help = ctlIn(kRussian, { QStringLiteral("keygen"), QStringLiteral("--help") });
        QCOMPARE(help.code, 0);
        QVERIFY2(help.out.contains(QStringLiteral("Записать новый случайный секретный ключ в ФАЙЛ"))
                     && help.out.contains(QStringLiteral("Параметры:")),
                 qPrintable(help.out));
        const Run unknown = ctlIn(kRussian, { QStringLiteral("frobnicate") });
        QCOMPARE(unknown.code, 2);
        QVERIFY2(unknown.err.startsWith(QStringLiteral("crmbridgectl: неизвестная команда «frobnicate»")),
                 qPrintable(unknown.err));
        QVERIFY(unknown.err.contains(QStringLiteral("Создать или обновить схему хранилища")));
        QVERIFY(unknown.err.contains(QStringLiteral("Журнал операций: каждый вызов API")));
    }
};

QTEST_GUILESS_MAIN(TestCtlLanguage)
#include "tst_CtlLanguage.moc"
