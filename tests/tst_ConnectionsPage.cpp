// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestDatabase.h"
#include "TestEnv.h"
#include "common/MessageBox.h"
#include "common/Translations.h"
#include "connect/AmoSignInPanel.h"
#include "connect/ConnectionsPage.h"
#include "connect/ShopSidePanel.h"
#include "engine/BackSyncSetup.h"
#include "secrets/MemorySecretStore.h"
#include "source/SourceRepo.h"
#include "source/intake/FormEndpointRepo.h"
#include "store/BackSyncConfig.h"
#include "store/ConnectionRepo.h"
#include "store/CredentialExpiryRepo.h"
#include "store/SettingsRepo.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>
#include <QUrlQuery>

using TestSupport::TestDatabase;

/** Stands in for the browser: QDesktopServices hands it the URL instead of opening one. */
class FakeBrowser : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl &url) { opened << url; }
};

class TestConnectionsPage : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestDatabase> m_test;
    FakeBrowser m_browser;

private Q_SLOTS:
    void initTestCase()
    {
        Gui::installTranslations(QStringLiteral("en"));
        // QDesktopServices takes a slot name; there is no functor overload in Qt 6.4.
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &m_browser, "open");
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_browser, "open");
    }
    void cleanupTestCase()
    {
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
    }
    void init()
    {
        auto test = TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(test);
        m_test = std::move(test.value());
        m_browser.opened.clear();
    }
    void cleanup() { m_test.reset(); }

    void addAConnectionAndSignInWithAFakeBrowser()
    {
        auto secrets = std::make_shared<Secrets::MemorySecretStore>();
        Gui::ConnectionsPage page(m_test->db(), secrets);
        page.show();
        page.findChild<QLineEdit *>(QStringLiteral("connectionName"))->setText(QStringLiteral("Shop CRM"));
        page.findChild<QLineEdit *>(QStringLiteral("connectionBaseUrl"))
            ->setText(QStringLiteral("https://shop.amocrm.ru"));
        page.findChild<QLineEdit *>(QStringLiteral("connectionClientId"))
            ->setText(QStringLiteral("client-1"));
        const int port = TestSupport::freeLoopbackPort();
        page.findChild<QLineEdit *>(QStringLiteral("connectionRedirectUri"))
            ->setText(QStringLiteral("http://127.0.0.1:%1/amocrm").arg(port));
        page.findChild<QPushButton *>(QStringLiteral("saveConnectionButton"))->click();
        auto stored = Store::ConnectionRepo(m_test->db()).byName(QStringLiteral("Shop CRM"));
        QVERIFY_OK(stored);
        QCOMPARE(stored->config.value(QStringLiteral("client_id")).toString(), QStringLiteral("client-1"));
        QCOMPARE(page.findChild<QListWidget *>(QStringLiteral("connectionList"))->count(), 1);

        auto *panel = page.signInPanel();
        QVERIFY(panel->isEnabled());
        panel->findChild<QLineEdit *>(QStringLiteral("clientSecret"))->setText(QStringLiteral("s3cret"));
        panel->findChild<QPushButton *>(QStringLiteral("signInButton"))->click();
        QTRY_COMPARE(m_browser.opened.size(), 1);
        const QUrl url = m_browser.opened.first();
        QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("client_id")), QStringLiteral("client-1"));
        QVERIFY(!url.toString().contains(QLatin1String("s3cret")));
        auto *state = panel->findChild<QLabel *>(QStringLiteral("signInState"));
        QTRY_VERIFY(state->text().startsWith(QLatin1String("Waiting for the browser")));
        QVERIFY(state->text().contains(QLatin1String("left")));
        auto *cancel = panel->findChild<QPushButton *>(QStringLiteral("signInCancelButton"));
        QVERIFY(cancel->isVisible());
        cancel->click();
        QTRY_VERIFY(state->text().startsWith(QLatin1String("Sign-in failed")));
        QVERIFY(!cancel->isVisible());
        QVERIFY(panel->findChild<QPushButton *>(QStringLiteral("signInButton"))->isEnabled());
        QTRY_COMPARE(panel->findChild<QLabel *>(QStringLiteral("tokenState"))->text(),
                     QStringLiteral("Not signed in."));
    }

    /** A pasted long-lived token signs in and records its expiry (never the token); signing out forgets it.
     */
    void signInRecordsTheExpiryNotTheToken()
    {
        auto secrets = std::make_shared<Secrets::MemorySecretStore>();
        Store::Connection connection;
        connection.name = QStringLiteral("Shop CRM");
        connection.crm = QStringLiteral("amocrm");
        connection.baseUrl = QStringLiteral("https://shop.amocrm.ru");
        QVERIFY_OK(Store::ConnectionRepo(m_test->db()).add(connection));
        Gui::ConnectionsPage page(m_test->db(), secrets);
        page.show();
        auto *panel = page.signInPanel();
        QVERIFY(panel->isEnabled());
        // A JWT whose payload says exp = 2,000,000,000 (May 2033).
        const QByteArray payload
            = QByteArray("{\"exp\":2000000000}")
                  .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QString token
            = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.%1.c2lnbmF0dXJl").arg(QString::fromLatin1(payload));
        panel->findChild<QLineEdit *>(QStringLiteral("pastedAuth"))->setText(token);
        panel->findChild<QPushButton *>(QStringLiteral("usePastedButton"))->click();
        QTRY_COMPARE(Store::ConnectionRepo(m_test->db()).byName(connection.name)->state,
                     QStringLiteral("signed-in"));
        const Store::Connection stored = Store::ConnectionRepo(m_test->db()).byName(connection.name).value();
        const Store::CredentialExpiry expiry
            = Store::CredentialExpiryRepo(m_test->db()).load(stored.id).value();
        QCOMPARE(expiry.accessExpiresAt, qint64(2'000'000'000) * 1000);
        QCOMPARE(expiry.refreshExpiresAt, qint64(0));
        QVERIFY(!QJsonDocument(stored.config).toJson().contains(payload));
        for (const QString &value : Store::SettingsRepo(m_test->db()).all()->values())
            QVERIFY(!value.contains(QString::fromLatin1(payload)));
        QTRY_VERIFY(panel->findChild<QLabel *>(QStringLiteral("tokenState"))
                        ->text()
                        .contains(QLatin1String("valid until")));

        panel->findChild<QPushButton *>(QStringLiteral("signOutButton"))->click();
        QTRY_COMPARE(Store::ConnectionRepo(m_test->db()).byName(connection.name)->state,
                     QStringLiteral("needs-sign-in"));
        QVERIFY(!Store::CredentialExpiryRepo(m_test->db()).load(stored.id)->isKnown());
    }

    /** The shop database with its prefix and masked password; forms with their addresses and a new secret. */
    void shopSideHasAddressesAndSecretsToCopy()
    {
        auto secrets = std::make_shared<Secrets::MemorySecretStore>();
        Source::SourceRecord shop;
        shop.name = QStringLiteral("shop");
        shop.kind = QStringLiteral("minishop2");
        shop.url = QStringLiteral("mysql://bridge@db.example:3306/modx");
        shop.config.insert(QStringLiteral("prefix"), QStringLiteral("modx_"));
        QVERIFY_OK(Source::SourceRepo(m_test->db()).add(shop));
        bool written = false;
        secrets->write(shop.secretScope(), Source::SourceRecord::passwordSecretName(), "db-pa55",
                       [&](Common::Status s) { written = s.ok(); });
        QTRY_VERIFY(written);
        QVERIFY_OK(Source::Intake::FormEndpointRepo(m_test->db()).create(QStringLiteral("callback")));
        QVERIFY_OK(Store::SettingsRepo(m_test->db())
                       .setValue(QStringLiteral("intake.listen"), QStringLiteral("0.0.0.0:9090")));

        Gui::ConnectionsPage page(m_test->db(), secrets);
        page.show();
        auto *tree = page.findChild<QTreeWidget *>(QStringLiteral("shopSide"));
        QVERIFY(tree);
        QCOMPARE(tree->topLevelItemCount(), 4); // the shop, the form twice (webhook, HTML), health
        QTreeWidgetItem *db = tree->topLevelItem(0);
        QCOMPARE(db->text(Gui::ShopSidePanel::AddressColumn),
                 QStringLiteral("mysql://bridge@db.example:3306/modx (tables modx_…)"));
        // The password is looked up asynchronously and only its presence is shown.
        QTRY_COMPARE(db->text(Gui::ShopSidePanel::SecretColumn), QStringLiteral("••••••••"));
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            for (int c = 0; c < tree->columnCount(); ++c)
                QVERIFY(!tree->topLevelItem(i)->text(c).contains(QLatin1String("db-pa55")));
        }
        tree->setCurrentItem(db);
        auto *copySecret = page.findChild<QPushButton *>(QStringLiteral("copySecretButton"));
        QVERIFY(copySecret->isEnabled());
        copySecret->click();
        QTRY_COMPARE(QApplication::clipboard()->text(), QStringLiteral("db-pa55"));

        QTreeWidgetItem *webhook = tree->topLevelItem(1);
        QCOMPARE(webhook->text(Gui::ShopSidePanel::AddressColumn),
                 QStringLiteral("http://127.0.0.1:9090/forms/callback"));
        QCOMPARE(webhook->text(Gui::ShopSidePanel::SecretColumn), QStringLiteral("shown once"));
        tree->setCurrentItem(webhook);
        QVERIFY(!copySecret->isEnabled()); // only a hash is kept
        page.findChild<QPushButton *>(QStringLiteral("copyAddressButton"))->click();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("http://127.0.0.1:9090/forms/callback"));

        // Declined: the old secret keeps working. Accepted: a new one, copied, that the intake accepts.
        Gui::MessageBox::setNextAnswer(QMessageBox::No);
        page.findChild<QPushButton *>(QStringLiteral("newFormSecretButton"))->click();
        QCOMPARE(tree->topLevelItem(1)->text(Gui::ShopSidePanel::SecretColumn), QStringLiteral("shown once"));
        Gui::MessageBox::setNextAnswer(QMessageBox::Yes);
        page.findChild<QPushButton *>(QStringLiteral("newFormSecretButton"))->click();
        QVERIFY(Gui::MessageBox::lastText().contains(QLatin1String("The old one stops working")));
        QCOMPARE(tree->topLevelItem(1)->text(Gui::ShopSidePanel::SecretColumn), QStringLiteral("••••••••"));
        tree->setCurrentItem(tree->topLevelItem(1));
        QVERIFY(copySecret->isEnabled());
        copySecret->click();
        const QString secret = QApplication::clipboard()->text();
        QCOMPARE(Source::Intake::FormEndpointRepo(m_test->db())
                     .verify(QStringLiteral("callback"), secret.toUtf8())
                     .value(),
                 Source::Intake::FormEndpointRepo::Check::Accepted);
        // The HTML form's address carries the secret when copied, but the table shows it masked.
        QTreeWidgetItem *html = tree->topLevelItem(2);
        QVERIFY(!html->text(Gui::ShopSidePanel::AddressColumn).contains(secret));
        tree->setCurrentItem(html);
        page.findChild<QPushButton *>(QStringLiteral("copyAddressButton"))->click();
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("http://127.0.0.1:9090/forms/callback/")
                     + QString::fromLatin1(QUrl::toPercentEncoding(secret)));
    }

    /** Back-sync: a webhook connection shows the address the CRM posts to, its secret masked and copied
     *  with the address; a polling one shows its interval. The secret never appears in the table. */
    void backSyncAddressesAreReadyToCopy()
    {
        auto secrets = std::make_shared<Secrets::MemorySecretStore>();
        Store::Connection hooked;
        hooked.name = QStringLiteral("Webhook CRM");
        hooked.crm = QStringLiteral("amocrm");
        hooked.baseUrl = QStringLiteral("https://shop.amocrm.ru");
        Store::BackSyncConfig hook;
        hook.mode = Store::BackSyncConfig::Mode::Webhook;
        hook.publicUrl = QStringLiteral("https://bridge.example.ru/");
        const QString secret = hook.newHookSecret();
        hook.applyTo(hooked);
        auto added = Store::ConnectionRepo(m_test->db()).add(hooked);
        QVERIFY_OK(added);
        bool written = false;
        secrets->write(Secrets::SecretStore::connectionScope(added->id), Engine::BackSyncSetup::secretName(),
                       secret.toUtf8(), [&](Common::Status s) { written = s.ok(); });
        QTRY_VERIFY(written);
        Store::Connection polled;
        polled.name = QStringLiteral("Polling CRM");
        polled.crm = QStringLiteral("amocrm");
        polled.baseUrl = QStringLiteral("https://other.amocrm.ru");
        Store::BackSyncConfig poll;
        poll.mode = Store::BackSyncConfig::Mode::Polling;
        poll.pollMs = 45'000;
        poll.applyTo(polled);
        QVERIFY_OK(Store::ConnectionRepo(m_test->db()).add(polled));

        Gui::ConnectionsPage page(m_test->db(), secrets);
        page.show();
        auto *tree = page.findChild<QTreeWidget *>(QStringLiteral("shopSide"));
        QVERIFY(tree);
        QTreeWidgetItem *webhook = nullptr;
        QTreeWidgetItem *polling = nullptr;
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = tree->topLevelItem(i);
            if (item->text(Gui::ShopSidePanel::NameColumn) == hooked.name)
                webhook = item;
            if (item->text(Gui::ShopSidePanel::NameColumn) == polled.name)
                polling = item;
        }
        QVERIFY(webhook && polling);
        QCOMPARE(webhook->text(Gui::ShopSidePanel::AddressColumn),
                 QStringLiteral("https://bridge.example.ru/hooks/amocrm/••••••••"));
        QTRY_COMPARE(webhook->text(Gui::ShopSidePanel::SecretColumn), QStringLiteral("••••••••"));
        QCOMPARE(polling->text(Gui::ShopSidePanel::AddressColumn), QStringLiteral("every 45 s"));
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            for (int c = 0; c < tree->columnCount(); ++c)
                QVERIFY(!tree->topLevelItem(i)->text(c).contains(secret));
        }
        tree->setCurrentItem(webhook);
        page.findChild<QPushButton *>(QStringLiteral("copyAddressButton"))->click();
        QTRY_COMPARE(QApplication::clipboard()->text(),
                     QStringLiteral("https://bridge.example.ru/hooks/amocrm/") + secret);
        // What the CRM will post to is what the intake accepts.
        QVERIFY(Store::BackSyncConfig::of(Store::ConnectionRepo(m_test->db()).byName(hooked.name).value())
                    .acceptsHookSecret(secret.toUtf8()));
        QApplication::clipboard()->clear();
        page.findChild<QPushButton *>(QStringLiteral("copySecretButton"))->click();
        QTRY_COMPARE(QApplication::clipboard()->text(), secret);
    }

    void refusesAConnectionWithoutAnAddress()
    {
        Gui::ConnectionsPage page(m_test->db(), std::make_shared<Secrets::MemorySecretStore>());
        page.findChild<QLineEdit *>(QStringLiteral("connectionName"))->setText(QStringLiteral("x"));
        QVERIFY(!page.saveConnection());
        QVERIFY(!page.findChild<QLabel *>(QStringLiteral("connectionResult"))->text().isEmpty());
        QVERIFY(Store::ConnectionRepo(m_test->db()).list()->isEmpty());
    }
};

QTEST_MAIN(TestConnectionsPage)
#include "tst_ConnectionsPage.moc"
