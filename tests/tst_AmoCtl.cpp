// SPDX-License-Identifier: GPL-3.0-or-later
// crmbridgectl connection add / list / set / login (--code, --browser through $BROWSER,
// --long-lived-token-stdin) / connection test and mapping create-fields against the amoCRM sandbox, with
// secrets encrypted in the store under a key file; no secret may reach the database file or the output.

#include "CtlProcess.h"
#include "MappingFileKit.h"
#include "TestEnv.h"
#include "amocrm/AmoCrmSandbox.h"
#include "sandbox/tests/SandboxTestClient.h"
#include "secrets/SecretKey.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Sandbox::AmoCrm::AmoCrmSandbox;
using Sandbox::AmoCrm::AmoSandboxOptions;
using Sandbox::Testing::SandboxTestClient;

class TestAmoCtl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void addListLoginTest();
    void errorsAreClear();
    void browserLoginThroughTheBrowserVariable();
    void createFieldsByHand();
    void longLivedTokenIsUsedAndNeverRefreshed();
    void cleanupTestCase();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run ctl(const QStringList &args, const QByteArray &stdinData = {});
    QStringList baseArgs() const;
    Run addConnection(const QString &name, const QString &redirectUri);
    QJsonObject listedConnection(const QString &name);
    int tokenCalls();

    QTemporaryDir m_dir;
    QString m_database;
    QString m_keyFile;
    std::unique_ptr<AmoCrmSandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_control;
    QString m_allOutput;
    QStringList m_secrets; ///< every secret the test handed out: none may show up anywhere
};

void TestAmoCtl::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_database = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("ctl.db"));
    m_keyFile = m_dir.filePath(QStringLiteral("secret.key"));
    QVERIFY(Secrets::SecretKey::generateFile(m_keyFile).ok());
    AmoSandboxOptions options;
    options.seed = QStringLiteral("demo");
    m_sandbox = std::make_unique<AmoCrmSandbox>(options);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    m_control = std::make_unique<SandboxTestClient>(m_sandbox->baseUrl());
}

TestAmoCtl::Run TestAmoCtl::ctl(const QStringList &args, const QByteArray &stdinData)
{
    const TestSupport::CtlRun run
        = TestSupport::runCtl(QStringLiteral(CRMBRIDGECTL_PATH), baseArgs() + args, stdinData, 60000);
    m_allOutput += run.out + run.err;
    return { run.exitCode, run.out, run.err };
}

QStringList TestAmoCtl::baseArgs() const
{
    return { QStringLiteral("--database"), m_database, QStringLiteral("--secret-key-file"), m_keyFile };
}

TestAmoCtl::Run TestAmoCtl::addConnection(const QString &name, const QString &redirectUri)
{
    return ctl({ "connection", "add", "amocrm", name, "--base-url", m_sandbox->baseUrl().toString(),
                 "--client-id", m_sandbox->clientId(), "--redirect-uri", redirectUri },
               m_sandbox->clientSecret().toUtf8() + "\n");
}

QJsonObject TestAmoCtl::listedConnection(const QString &name)
{
    const Run run = ctl({ "connection", "list", "--json" });
    for (const QJsonValue &v : QJsonDocument::fromJson(run.out.toUtf8()).array()) {
        if (v.toObject().value("name").toString() == name)
            return v.toObject();
    }
    return {};
}

int TestAmoCtl::tokenCalls()
{
    return m_control->control(QStringLiteral("state"), {}, "GET")
        .value("counters")
        .toObject()
        .value("by_endpoint")
        .toObject()
        .value("POST /oauth2/access_token")
        .toInt();
}

void TestAmoCtl::addListLoginTest()
{
    Run added = ctl({ "connection", "add", "amocrm", "shop", "--base-url", m_sandbox->baseUrl().toString(),
                      "--client-id", m_sandbox->clientId(), "--redirect-uri", m_sandbox->redirectUri() },
                    m_sandbox->clientSecret().toUtf8() + "\n");
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    QVERIFY(added.out.contains(QStringLiteral("shop")));

    Run listed = ctl({ "connection", "list" });
    QCOMPARE(listed.exitCode, 0);
    QVERIFY(listed.out.contains(QStringLiteral("shop")) && listed.out.contains(QStringLiteral("amocrm")));
    QVERIFY(listed.out.contains(QStringLiteral("new")));

    Run before = ctl({ "connection", "test", "shop" });
    QVERIFY(before.exitCode != 0);
    QVERIFY2(before.err.contains(QStringLiteral("sign in"), Qt::CaseInsensitive), qPrintable(before.err));

    const QString code = m_control->control(QStringLiteral("auth-code")).value("code").toString();
    m_secrets << code;
    Run login = ctl({ "login", "shop", "--code", code });
    QVERIFY2(login.exitCode == 0, qPrintable(login.err + login.out));
    QVERIFY(login.out.contains(QStringLiteral("Signed in")));

    Run tested = ctl({ "connection", "test", "shop" });
    QVERIFY2(tested.exitCode == 0, qPrintable(tested.err));
    QVERIFY2(tested.out.contains(QStringLiteral("Интернет-магазин «Ромашка»")), qPrintable(tested.out));
    QVERIFY(tested.out.contains(QStringLiteral("Анна Смирнова")));

    Run again = ctl({ "connection", "list", "--json" });
    QVERIFY(again.out.contains(QStringLiteral("\"state\":\"signed-in\"")));
    // When the tokens run out is known without them (for the operator and the token-expiry tile).
    const QJsonObject shop = listedConnection(QStringLiteral("shop"));
    QCOMPARE(shop.value("credential_kind").toString(), QStringLiteral("oauth"));
    const QDateTime refreshEnds
        = QDateTime::fromString(shop.value("refresh_expires_at").toString(), Qt::ISODate);
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().daysTo(refreshEnds) - 90) <= 1);
    QVERIFY(ctl({ "connection", "list" }).out.contains(QStringLiteral("refresh until")));

    // The secret and the code never reach the store file or the output in plain text.
    QFile db(m_dir.filePath(QStringLiteral("ctl.db")));
    QVERIFY(db.open(QIODevice::ReadOnly));
    QByteArray bytes = db.readAll();
    QFile wal(m_dir.filePath(QStringLiteral("ctl.db-wal")));
    if (wal.open(QIODevice::ReadOnly))
        bytes += wal.readAll();
    QVERIFY(!bytes.isEmpty());
    for (const QString &secret : { m_sandbox->clientSecret(), code }) {
        QVERIFY2(!bytes.contains(secret.toUtf8()), "a secret is in the database file");
        QVERIFY2(!m_allOutput.contains(secret), "a secret is in the output");
    }
    QVERIFY(!bytes.contains("def50200")); // no refresh token in plain text either
}

void TestAmoCtl::errorsAreClear()
{
    const QString code = m_control->control(QStringLiteral("auth-code")).value("code").toString();
    m_control->control(QStringLiteral("clock"), { { "advance", 21 * 60 } });
    Run expired = ctl({ "login", "shop", "--code", code });
    QVERIFY(expired.exitCode != 0);
    QVERIFY2(expired.err.contains(QStringLiteral("20 minutes")), qPrintable(expired.err));
    Run unknown = ctl({ "connection", "test", "nope" });
    QVERIFY(unknown.exitCode != 0);
    QVERIFY(unknown.err.contains(QStringLiteral("No connection named")));
    Run noSecret = ctl({ "connection", "add", "amocrm", "other", "--base-url", "https://x.amocrm.ru",
                         "--client-id", "id", "--redirect-uri", "http://127.0.0.1:1/cb" });
    QCOMPARE(noSecret.exitCode, 2);
}

void TestAmoCtl::browserLoginThroughTheBrowserVariable()
{
    const int port = TestSupport::freeLoopbackPort();
    const QString redirect = QStringLiteral("http://127.0.0.1:%1/callback").arg(port);
    m_control->control(QStringLiteral("integration"),
                       { { "redirect_uri", redirect }, { "auto_approve", true } });
    Run added = addConnection(QStringLiteral("web"), redirect);
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));

    // The fake browser only notes the address it is asked to open; the test then "clicks" it.
    const QString opened = m_dir.filePath(QStringLiteral("opened-url.txt"));
    const QString script = m_dir.filePath(QStringLiteral("fake-browser.sh"));
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("#!/bin/sh\nprintf '%s\\n' \"$1\" > '%1.part' && mv '%1.part' '%1'\n")
                   .arg(opened)
                   .toUtf8());
    file.close();
    QVERIFY(file.setPermissions(file.permissions() | QFileDevice::ExeOwner));

    QProcess login;
    TestSupport::prepareCtl(login, QStringLiteral(CRMBRIDGECTL_PATH),
                            baseArgs() + QStringList { "login", "web", "--browser", "--timeout", "60" });
    QProcessEnvironment env = login.processEnvironment();
    env.insert(QStringLiteral("BROWSER"), script);
    login.setProcessEnvironment(env);
    login.start();
    QVERIFY(login.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(opened), 20000);
    QFile urlFile(opened);
    QVERIFY(urlFile.open(QIODevice::ReadOnly));
    const QUrl url(QString::fromUtf8(urlFile.readAll()).trimmed());
    QCOMPARE(url.toString(QUrl::RemoveQuery), m_sandbox->baseUrl().toString() + QStringLiteral("/oauth"));
    QVERIFY(url.query().contains(QStringLiteral("client_id=") + m_sandbox->clientId()));
    QVERIFY(url.query().contains(QStringLiteral("state=")));

    QNetworkAccessManager browser;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = browser.get(request);
    QSignalSpy replied(reply, &QNetworkReply::finished);
    QVERIFY(replied.wait(20000));
    QCOMPARE(reply->url().port(), port); // it followed the sandbox's redirect to crmbridgectl's listener
    const QByteArray page = reply->readAll();
    QVERIFY2(page.contains("you can close this tab"),
             qPrintable(QStringLiteral("%1 %2 %3")
                            .arg(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt())
                            .arg(reply->errorString(), QString::fromUtf8(page))));
    reply->deleteLater();

    QVERIFY(login.waitForFinished(30000));
    const QString out = QString::fromUtf8(login.readAllStandardOutput());
    const QString err = QString::fromUtf8(login.readAllStandardError());
    m_allOutput += out + err;
    QVERIFY2(login.exitCode() == 0, qPrintable(err));
    QVERIFY(out.contains(QStringLiteral("Signed in")));
    Run tested = ctl({ "connection", "test", "web" });
    QVERIFY2(tested.exitCode == 0, qPrintable(tested.err));
    QCOMPARE(listedConnection(QStringLiteral("web")).value("credential_kind").toString(),
             QStringLiteral("oauth"));
    m_control->control(QStringLiteral("integration"),
                       { { "redirect_uri", m_sandbox->redirectUri() }, { "auto_approve", false } });
}

void TestAmoCtl::createFieldsByHand()
{
    Run setBad = ctl({ "connection", "set", "shop", "--auto-create-fields", "everything" });
    QCOMPARE(setBad.exitCode, 2);
    Run set = ctl({ "connection", "set", "shop", "--auto-create-fields", "deals,contacts" });
    QVERIFY2(set.exitCode == 0, qPrintable(set.err));
    QVERIFY(set.out.contains(QStringLiteral("deals, contacts")));

    // A mapping row writes the city into a deal field the account does not have.
    const QString file = m_dir.filePath(QStringLiteral("mapping.json"));
    auto exportWithRow = [&](const QString &rowId, const QString &source, const QString &fieldName) {
        Run exported = ctl({ "mapping", "export", file, "--connection", "shop" });
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QVERIFY(TestSupport::addNamedFieldRow(file, rowId, source, QStringLiteral("deal"), fieldName));
    };
    exportWithRow(QStringLiteral("o90"), QStringLiteral("address.city"), QStringLiteral("Город доставки"));
    Run imported = ctl({ "mapping", "import", file, "--connection", "shop" });
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err + imported.out));

    Run created = ctl({ "mapping", "create-fields", "shop" });
    QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    QVERIFY2(created.out.contains(QStringLiteral("Created 1 field in the CRM"))
                 && created.out.contains(QStringLiteral("Город доставки")),
             qPrintable(created.out));
    QString fieldId;
    for (const QJsonValue &f : m_control->control(QStringLiteral("state"), {}, "GET")
                                   .value("custom_fields")
                                   .toObject()
                                   .value("leads")
                                   .toArray()) {
        if (f.toObject().value("name").toString() == QStringLiteral("Город доставки"))
            fieldId = QString::number(f.toObject().value("id").toInteger());
    }
    QVERIFY(!fieldId.isEmpty());
    // The row now points at the new field; a second run has nothing to do.
    QVERIFY(ctl({ "mapping", "export", file, "--connection", "shop" }).exitCode == 0);
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray again = in.readAll();
    QVERIFY2(again.contains(QStringLiteral("\"field_id\": \"%1\"").arg(fieldId).toUtf8()), again.constData());
    Run second = ctl({ "mapping", "create-fields", "shop" });
    QCOMPARE(second.exitCode, 0);
    QVERIFY2(second.out.contains(QStringLiteral("Nothing to create")), qPrintable(second.out));
    Run unknown = ctl({ "mapping", "create-fields", "nope" });
    QVERIFY(unknown.exitCode != 0);

    // Now that the account's fields are known, a file naming a field it lacks still imports while
    // creating deal fields is allowed, and says what will be created.
    exportWithRow(QStringLiteral("o91"), QStringLiteral("address.street"), QStringLiteral("Улица доставки"));
    Run allowed = ctl({ "mapping", "import", file, "--connection", "shop" });
    QVERIFY2(allowed.exitCode == 0, qPrintable(allowed.err + allowed.out));
    QVERIFY2(allowed.out.contains(QStringLiteral("lacks 1 of its fields"))
                 && allowed.out.contains(QStringLiteral("Улица доставки")),
             qPrintable(allowed.out));
    // Not allowed: the same file is refused, naming the field, and the saved mapping is unchanged.
    QVERIFY(ctl({ "connection", "set", "shop", "--auto-create-fields", "none" }).exitCode == 0);
    const QString refusedFile = m_dir.filePath(QStringLiteral("refused.json"));
    QFile::remove(refusedFile);
    QVERIFY(QFile::copy(file, refusedFile));
    Run refused = ctl({ "mapping", "import", refusedFile, "--connection", "shop" });
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QStringLiteral("Улица доставки"))
                 && refused.err.contains(QStringLiteral("o91")),
             qPrintable(refused.err));
}

void TestAmoCtl::longLivedTokenIsUsedAndNeverRefreshed()
{
    Run added = addConnection(QStringLiteral("private"), m_sandbox->redirectUri());
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    const QJsonObject issued
        = m_control->control(QStringLiteral("long-lived-token"), { { "expires_in", 3600 } });
    const QString token = issued.value("access_token").toString();
    QVERIFY(!token.isEmpty());
    m_secrets << token;
    Run login = ctl({ "login", "private", "--long-lived-token-stdin" }, token.toUtf8() + "\n");
    QVERIFY2(login.exitCode == 0, qPrintable(login.err));
    const int calls = tokenCalls();
    Run used = ctl({ "connection", "test", "private" });
    QVERIFY2(used.exitCode == 0, qPrintable(used.err));
    const QJsonObject record = listedConnection(QStringLiteral("private"));
    QCOMPARE(record.value("credential_kind").toString(), QStringLiteral("long-lived"));
    QCOMPARE(
        QDateTime::fromString(record.value("access_expires_at").toString(), Qt::ISODate).toSecsSinceEpoch(),
        issued.value("expires_at").toInteger());

    // An hour later it has expired: a clear error, and no refresh is ever tried.
    m_control->control(QStringLiteral("clock"), { { "advance", 7200 } });
    Run expired = ctl({ "connection", "test", "private" });
    QCOMPARE(expired.exitCode, 3);
    QVERIFY2(expired.err.contains(QStringLiteral("long-lived token"))
                 && expired.err.contains(QStringLiteral("paste a new one")),
             qPrintable(expired.err));
    QCOMPARE(tokenCalls(), calls);
    QCOMPARE(listedConnection(QStringLiteral("private")).value("state").toString(),
             QStringLiteral("needs-sign-in"));
}

void TestAmoCtl::cleanupTestCase()
{
    // After every command of this suite: no secret in the store file or in anything printed.
    QByteArray bytes;
    for (const QString &suffix : { QString(), QStringLiteral("-wal") }) {
        QFile f(m_dir.filePath(QStringLiteral("ctl.db")) + suffix);
        if (f.open(QIODevice::ReadOnly))
            bytes += f.readAll();
    }
    QVERIFY(!bytes.isEmpty());
    QVERIFY(!m_secrets.isEmpty());
    for (const QString &secret : m_secrets + QStringList { m_sandbox->clientSecret() }) {
        QVERIFY2(!bytes.contains(secret.toUtf8()), "a secret is in the database file");
        QVERIFY2(!m_allOutput.contains(secret), "a secret is in the output");
    }
    QVERIFY(!bytes.contains("def50200"));
    QVERIFY(!m_allOutput.contains(QStringLiteral("def50200")));
}

QTEST_GUILESS_MAIN(TestAmoCtl)
#include "tst_AmoCtl.moc"
