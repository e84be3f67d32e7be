// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestDatabase.h"
#include "TestEnv.h"
#include "TestShopSources.h"
#include "common/MessageBox.h"
#include "common/Translations.h"
#include "connect/AmoSignInPanel.h"
#include "connect/BackSyncPanel.h"
#include "connect/ConnectionsPage.h"
#include "connect/RetailConnectionDialog.h"
#include "connect/RetailConnectionPanel.h"
#include "connect/ShopSidePanel.h"
#include "connect/ShopSourceDialog.h"
#include "crm/amocrm/AmoTokens.h"
#include "engine/BackSyncSetup.h"
#include "fixtures/retailcrm/RetailTestKit.h"
#include "moysklad/MoySkladSandbox.h"
#include "secrets/MemorySecretStore.h"
#include "secrets/SodiumSecretStore.h"
#include "source/SourceRepo.h"
#include "source/bitrix/BitrixDemoShop.h"
#include "source/intake/FormEndpointRepo.h"
#include "source/minishop2/DemoShopGenerator.h"
#include "source/minishop2/ShopDb.h"
#include "source/moysklad/MoySkladSource.h"
#include "store/BackSyncConfig.h"
#include "store/ConnectionRepo.h"
#include "store/CredentialExpiryRepo.h"
#include "store/JobRepo.h"
#include "store/OpLogRepo.h"
#include "store/SettingsRepo.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QFile>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUrlQuery>

using Sandbox::AmoCrm::AmoCrmSandbox;
using Sandbox::AmoCrm::AmoSandboxOptions;
using Sandbox::RetailCrm::RetailCrmSandbox;
using Sandbox::RetailCrm::RetailSandboxOptions;
using Sandbox::Testing::RetailTestClient;
using Sandbox::Testing::SandboxTestClient;
using TestSupport::TestDatabase;
using Mode = Store::BackSyncConfig::Mode;

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
    std::unique_ptr<RetailCrmSandbox> m_retail;
    std::unique_ptr<RetailTestClient> m_retailControl;

    /** The RetailCRM sandbox over loopback, started once for the tests that use it. */
    RetailCrmSandbox &retail()
    {
        if (!m_retail) {
            RetailSandboxOptions options;
            options.rate = 0;
            m_retail = std::make_unique<RetailCrmSandbox>(options);
            QString error;
            if (!m_retail->start(&error))
                qFatal("the RetailCRM sandbox did not start: %s", qPrintable(error));
            m_retailControl = std::make_unique<RetailTestClient>(m_retail->baseUrl());
        }
        return *m_retail;
    }

    /** Opens the RetailCRM dialog from the page's "New connection" menu and types into it. */
    static Gui::RetailConnectionDialog *openRetailDialog(Gui::ConnectionsPage &page, const QString &name,
                                                         const QString &url, const QString &key)
    {
        page.findChild<QAction *>(QStringLiteral("newRetailConnectionAction"))->trigger();
        auto *dialog = page.findChild<Gui::RetailConnectionDialog *>();
        if (!dialog)
            return nullptr;
        dialog->findChild<QLineEdit *>(QStringLiteral("retailName"))->setText(name);
        dialog->findChild<QLineEdit *>(QStringLiteral("retailBaseUrl"))->setText(url);
        dialog->findChild<QLineEdit *>(QStringLiteral("retailApiKey"))->setText(key);
        return dialog;
    }

    static QString textOf(QWidget *parent, const char *name)
    {
        return parent->findChild<QLabel *>(QLatin1String(name))->text();
    }

    /** Nothing the store keeps in plain text, nor the settings, holds @p secret. */
    void verifyNotStored(const QString &secret)
    {
        QFile file(m_test->sqliteFile());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!bytes.contains(secret.toUtf8()));
        for (const QString &value : Store::SettingsRepo(m_test->db()).all()->values())
            QVERIFY(!value.contains(secret));
        for (const Store::Connection &c : Store::ConnectionRepo(m_test->db()).list().value())
            QVERIFY(!QJsonDocument(c.config).toJson().contains(secret.toUtf8()));
        // The GUI's own settings (QSettings, under the test's XDG_CONFIG_HOME), in memory and on disk.
        QSettings settings;
        settings.sync();
        for (const QString &key : settings.allKeys())
            QVERIFY(!settings.value(key).toString().contains(secret));
        QFile settingsFile(settings.fileName());
        if (settingsFile.open(QIODevice::ReadOnly))
            QVERIFY(!settingsFile.readAll().contains(secret.toUtf8()));
    }

    /** Chooses a back-sync mode on the page and applies it; waits for the CRM's answer. */
    static void applyBackSync(Gui::ConnectionsPage &page, Mode mode)
    {
        auto *combo = page.findChild<QComboBox *>(QStringLiteral("backSyncMode"));
        combo->setCurrentIndex(combo->findData(int(mode)));
        page.findChild<QPushButton *>(QStringLiteral("backSyncApplyButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page.backSyncPanel()->isApplying(), 20000);
    }

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
        Gui::ConnectionsPage page(m_test->db(), secrets, TestSupport::shopSources());
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
        // Nothing is queued for it until it is signed in.
        QVERIFY(!stored->enabled());
        QVERIFY2(
            page.findChild<QListWidget *>(QStringLiteral("connectionList"))
                ->item(0)
                ->text()
                .contains(QLatin1String("off until it is signed in")),
            qPrintable(page.findChild<QListWidget *>(QStringLiteral("connectionList"))->item(0)->text()));

        auto *panel = page.signInPanel();
        QVERIFY(panel->isEnabled());
        // The guide says where the id and secret come from, and the exact redirect address for amoCRM.
        const QString guide = textOf(panel, "signInGuide");
        QVERIFY2(guide.contains(QLatin1String("Integrations")), qPrintable(guide));
        QVERIFY2(guide.contains(QStringLiteral("http://127.0.0.1:%1/amocrm").arg(port)), qPrintable(guide));
        panel->findChild<QLineEdit *>(QStringLiteral("clientSecret"))->setText(QStringLiteral("s3cret"));
        panel->findChild<QPushButton *>(QStringLiteral("signInButton"))->click();
        QTRY_COMPARE(m_browser.opened.size(), 1);
        const QUrl url = m_browser.opened.first();
        // The address to copy when no browser opens.
        auto *authorize = panel->findChild<QLineEdit *>(QStringLiteral("authorizeUrl"));
        QVERIFY(authorize->isVisible());
        QCOMPARE(QUrl(authorize->text()), url);
        QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("client_id")), QStringLiteral("client-1"));
        QVERIFY(!url.toString().contains(QLatin1String("s3cret")));
        auto *state = panel->findChild<QLabel *>(QStringLiteral("signInState"));
        QTRY_VERIFY(state->text().startsWith(QLatin1String("Waiting for the browser")));
        QVERIFY(state->text().contains(QLatin1String("left")));
        auto *cancel = panel->findChild<QPushButton *>(QStringLiteral("signInCancelButton"));
        QVERIFY(cancel->isVisible());
        cancel->click();
        QTRY_COMPARE(state->text(), QStringLiteral("Sign-in cancelled."));
        QVERIFY(!authorize->isVisible());
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
        Gui::ConnectionsPage page(m_test->db(), secrets, TestSupport::shopSources());
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

        Gui::ConnectionsPage page(m_test->db(), secrets, TestSupport::shopSources());
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

        Gui::ConnectionsPage page(m_test->db(), secrets, TestSupport::shopSources());
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

    /** A RetailCRM connection added in the dialog: the key is checked, the site picked from what the key
     *  sees, the connection listed and the key kept only in the SecretStore. */
    void addsARetailCrmConnectionWithAGoodKey()
    {
        RetailCrmSandbox &sandbox = retail();
        auto secrets = std::make_shared<Secrets::MemorySecretStore>();
        Gui::ConnectionsPage page(m_test->db(), secrets, TestSupport::shopSources());
        page.show();
        QPointer<Gui::RetailConnectionDialog> dialog = openRetailDialog(
            page, QStringLiteral("Retail shop"), sandbox.baseUrl().toString(), sandbox.apiKey());
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        dialog->findChild<QPushButton *>(QStringLiteral("retailCheckButton"))->click();
        QTRY_VERIFY2_WITH_TIMEOUT(
            textOf(dialog, "retailCheckResult").startsWith(QLatin1String("The key works")),
            qPrintable(textOf(dialog, "retailCheckResult")), 10000);
        auto *site = dialog->findChild<QComboBox *>(QStringLiteral("retailSite"));
        const int index = site->findData(sandbox.site());
        QVERIFY2(index >= 0, qPrintable(site->itemText(0)));
        site->setCurrentIndex(index);
        QVERIFY(Store::ConnectionRepo(m_test->db()).list()->isEmpty()); // nothing kept by a check
        QCOMPARE(secrets->size(), 0);

        dialog->findChild<QPushButton *>(QStringLiteral("retailSaveButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000); // accepted and closed
        auto stored = Store::ConnectionRepo(m_test->db()).byName(QStringLiteral("Retail shop"));
        QVERIFY_OK(stored);
        QCOMPARE(stored->crm, QStringLiteral("retailcrm"));
        QCOMPARE(stored->config.value(QStringLiteral("site")).toString(), sandbox.site());
        QCOMPARE(stored->state, QStringLiteral("signed-in"));
        QCOMPARE(AmoTestKit::readSecret(*secrets, stored->id, QStringLiteral("api_key")),
                 sandbox.apiKey().toUtf8());
        verifyNotStored(sandbox.apiKey());

        // The page shows it as a RetailCRM connection: no amoCRM sign-in, the key's place, Check.
        auto *list = page.findChild<QListWidget *>(QStringLiteral("connectionList"));
        QCOMPARE(list->count(), 1);
        QVERIFY(list->item(0)->text().startsWith(QLatin1String("Retail shop\nRetailCRM")));
        QCOMPARE(page.findChild<QGroupBox *>(QStringLiteral("crmBox"))->title(), QStringLiteral("RetailCRM"));
        QVERIFY(!page.signInPanel()->isVisible());
        QVERIFY(page.retailPanel()->isVisible());
        QTRY_COMPARE(textOf(page.retailPanel(), "retailKeyState"),
                     QStringLiteral("kept in memory for this demo only"));
        page.retailPanel()->findChild<QPushButton *>(QStringLiteral("retailPanelCheckButton"))->click();
        QTRY_VERIFY2_WITH_TIMEOUT(
            textOf(page.retailPanel(), "retailPanelResult").startsWith(QLatin1String("Connected to")),
            qPrintable(textOf(page.retailPanel(), "retailPanelResult")), 10000);
    }

    /** A refused key or a site the key cannot see: the API's error is shown and nothing is kept. */
    void aWrongKeyOrSiteIsRefusedAndNothingSaved()
    {
        RetailCrmSandbox &sandbox = retail();
        auto secrets = std::make_shared<Secrets::MemorySecretStore>();
        Gui::ConnectionsPage page(m_test->db(), secrets, TestSupport::shopSources());
        page.show();
        const QString wrongKey = QStringLiteral("notTheKey0123456789abcdefGHIJKLM");
        QPointer<Gui::RetailConnectionDialog> dialog
            = openRetailDialog(page, QStringLiteral("Retail shop"), sandbox.baseUrl().toString(), wrongKey);
        QVERIFY(dialog);
        dialog->findChild<QPushButton *>(QStringLiteral("retailCheckButton"))->click();
        QTRY_VERIFY2_WITH_TIMEOUT(
            textOf(dialog, "retailCheckResult").startsWith(QLatin1String("The check failed")),
            qPrintable(textOf(dialog, "retailCheckResult")), 10000);
        QVERIFY2(textOf(dialog, "retailCheckResult").contains(QLatin1String("apiKey")),
                 qPrintable(textOf(dialog, "retailCheckResult")));
        QVERIFY(!textOf(dialog, "retailCheckResult").contains(wrongKey));
        dialog->findChild<QComboBox *>(QStringLiteral("retailSite"))->setEditText(sandbox.site());
        dialog->findChild<QPushButton *>(QStringLiteral("retailSaveButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(textOf(dialog, "retailCheckResult").startsWith(QLatin1String("Not saved")),
                                 10000);
        QVERIFY(dialog->isVisible());
        QVERIFY(Store::ConnectionRepo(m_test->db()).list()->isEmpty());
        QCOMPARE(secrets->size(), 0);

        // The right key, but a site it cannot see.
        dialog->findChild<QLineEdit *>(QStringLiteral("retailApiKey"))->setText(sandbox.apiKey());
        dialog->findChild<QComboBox *>(QStringLiteral("retailSite"))
            ->setEditText(QStringLiteral("no-such-site"));
        dialog->findChild<QPushButton *>(QStringLiteral("retailSaveButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(textOf(dialog, "retailCheckResult").startsWith(QLatin1String("Not saved")),
                                 10000);
        QVERIFY2(textOf(dialog, "retailCheckResult").contains(QLatin1String("no-such-site")),
                 qPrintable(textOf(dialog, "retailCheckResult")));
        QVERIFY(Store::ConnectionRepo(m_test->db()).list()->isEmpty());
        QCOMPARE(secrets->size(), 0);
        verifyNotStored(sandbox.apiKey());
    }

    /** A stored key the CRM refuses: Check says so, and "Replace key…" stores a working one. */
    void replacesARefusedKey()
    {
        RetailCrmSandbox &sandbox = retail();
        const QString newKey = QStringLiteral("sbxSecondKey0123456789abcdefGHIJ");
        m_retailControl->control(QStringLiteral("api-keys"), { { "key", newKey } });
        auto secrets = std::make_shared<Secrets::MemorySecretStore>();
        const qint64 id = RetailTestKit::addConnection(m_test->db(), sandbox);
        AmoTestKit::writeSecret(*secrets, id, QStringLiteral("api_key"), "revokedKey0123456789abcdefGHIJKL");
        Gui::ConnectionsPage page(m_test->db(), secrets, TestSupport::shopSources());
        page.show();
        page.retailPanel()->checkConnection();
        QTRY_VERIFY_WITH_TIMEOUT(
            textOf(page.retailPanel(), "retailPanelResult").startsWith(QLatin1String("The check failed")),
            10000);
        QCOMPARE(Store::ConnectionRepo(m_test->db()).byId(id)->state, QStringLiteral("needs-sign-in"));
        QVERIFY(page.findChild<QListWidget *>(QStringLiteral("connectionList"))
                    ->item(0)
                    ->text()
                    .endsWith(QLatin1String("replace the key")));

        page.retailPanel()->findChild<QPushButton *>(QStringLiteral("replaceKeyButton"))->click();
        QPointer<Gui::RetailConnectionDialog> dialog = page.findChild<Gui::RetailConnectionDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("retailName"))->isReadOnly());
        QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("retailSite"))->currentText(), sandbox.site());
        dialog->findChild<QLineEdit *>(QStringLiteral("retailApiKey"))->setText(newKey);
        dialog->findChild<QPushButton *>(QStringLiteral("retailSaveButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);
        QCOMPARE(AmoTestKit::readSecret(*secrets, id, QStringLiteral("api_key")), newKey.toUtf8());
        QCOMPARE(Store::ConnectionRepo(m_test->db()).list()->size(), 1);
        QCOMPARE(Store::ConnectionRepo(m_test->db()).byId(id)->state, QStringLiteral("signed-in"));
        verifyNotStored(newKey);
    }

    /** Back-sync of a RetailCRM connection: polling with an interval, then off; it has no webhook. */
    void backSyncSwitchesToPollingAndOff()
    {
        RetailCrmSandbox &sandbox = retail();
        auto secrets = std::make_shared<Secrets::MemorySecretStore>();
        const qint64 id = RetailTestKit::addConnection(m_test->db(), sandbox);
        AmoTestKit::writeSecret(*secrets, id, QStringLiteral("api_key"), sandbox.apiKey().toUtf8());
        Gui::ConnectionsPage page(m_test->db(), secrets, TestSupport::shopSources());
        page.show();
        auto *panel = page.backSyncPanel();
        QVERIFY(panel->isEnabled());
        QVERIFY(textOf(panel, "backSyncState").startsWith(QLatin1String("Off")));
        auto *combo = panel->findChild<QComboBox *>(QStringLiteral("backSyncMode"));
        auto *model = qobject_cast<QStandardItemModel *>(combo->model());
        QVERIFY(!model->item(combo->findData(int(Mode::Webhook)))->isEnabled());

        combo->setCurrentIndex(combo->findData(int(Mode::Polling)));
        panel->findChild<QSpinBox *>(QStringLiteral("backSyncInterval"))->setValue(45);
        applyBackSync(page, Mode::Polling);
        QCOMPARE(textOf(panel, "backSyncResult"), QStringLiteral("Done."));
        Store::BackSyncConfig config
            = Store::BackSyncConfig::of(Store::ConnectionRepo(m_test->db()).byId(id).value());
        QCOMPARE(config.mode, Mode::Polling);
        QCOMPARE(config.pollMs, qint64(45'000));
        QCOMPARE(textOf(panel, "backSyncState"),
                 QStringLiteral("By polling: the CRM's stage changes are read every 45 seconds."));

        applyBackSync(page, Mode::Off);
        config = Store::BackSyncConfig::of(Store::ConnectionRepo(m_test->db()).byId(id).value());
        QCOMPARE(config.mode, Mode::Off);
        QVERIFY(textOf(panel, "backSyncState").startsWith(QLatin1String("Off")));
    }

    /** amoCRM back-sync by webhook: registered with the sandbox CRM, shown masked, removed when off; a bad
     *  public address is refused with the reason and changes nothing. */
    void amoWebhookIsRegisteredAndRemoved()
    {
        AmoSandboxOptions options;
        options.seed = QStringLiteral("demo");
        options.rate = 0;
        AmoCrmSandbox sandbox(options);
        QString error;
        QVERIFY2(sandbox.start(&error), qPrintable(error));
        SandboxTestClient control(sandbox.baseUrl());
        const auto webhooks = [&] {
            return control.get(QStringLiteral("/__sandbox/state")).object().value("webhooks").toArray();
        };
        auto secrets = std::make_shared<Secrets::MemorySecretStore>();
        const qint64 id = AmoTestKit::addConnection(m_test->db(), sandbox);
        QNetworkAccessManager network;
        Net::HttpClient client(
            &network,
            AmoTestKit::clientOptions(QStringLiteral("amocrm:127.0.0.1:%1").arg(sandbox.port()), 0));
        QVERIFY_OK(AmoTestKit::signInWithCode(&client, secrets, id, sandbox, control));
        QCOMPARE(webhooks().size(), 0);

        Gui::ConnectionsPage page(m_test->db(), secrets, TestSupport::shopSources());
        page.show();
        auto *panel = page.backSyncPanel();
        QVERIFY(page.signInPanel()->isVisible());
        auto *url = panel->findChild<QLineEdit *>(QStringLiteral("backSyncPublicUrl"));
        url->setText(QStringLiteral("ftp://bridge.example.ru"));
        applyBackSync(page, Mode::Webhook);
        QVERIFY2(textOf(panel, "backSyncResult").startsWith(QLatin1String("Not changed: The public URL")),
                 qPrintable(textOf(panel, "backSyncResult")));
        QCOMPARE(Store::BackSyncConfig::of(Store::ConnectionRepo(m_test->db()).byId(id).value()).mode,
                 Mode::Off);
        QCOMPARE(webhooks().size(), 0);

        url->setText(QStringLiteral("https://bridge.example.ru"));
        applyBackSync(page, Mode::Webhook);
        QCOMPARE(textOf(panel, "backSyncResult"), QStringLiteral("Done."));
        QCOMPARE(webhooks().size(), 1);
        const QString destination = webhooks().first().toObject().value("destination").toString();
        QVERIFY2(destination.startsWith(QLatin1String("https://bridge.example.ru/hooks/amocrm/")),
                 qPrintable(destination));
        const QString secret = destination.section(QLatin1Char('/'), -1);
        QVERIFY(secret.size() >= 16);
        const Store::BackSyncConfig config
            = Store::BackSyncConfig::of(Store::ConnectionRepo(m_test->db()).byId(id).value());
        QCOMPARE(config.mode, Mode::Webhook);
        QVERIFY(config.acceptsHookSecret(secret.toUtf8()));
        QCOMPARE(textOf(panel, "backSyncState"),
                 QStringLiteral("By webhook: the CRM posts its stage changes to "
                                "https://bridge.example.ru/hooks/amocrm/•••••••• (copy the address below, "
                                "under Shop and forms)."));
        verifyNotStored(secret);
        // The shop side lists the address to copy, masked.
        auto *tree = page.findChild<QTreeWidget *>(QStringLiteral("shopSide"));
        bool listed = false;
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            listed = listed
                || tree->topLevelItem(i)->text(Gui::ShopSidePanel::AddressColumn)
                    == QStringLiteral("https://bridge.example.ru/hooks/amocrm/••••••••");
        QVERIFY(listed);

        applyBackSync(page, Mode::Off);
        QCOMPARE(textOf(panel, "backSyncResult"), QStringLiteral("Done."));
        QCOMPARE(webhooks().size(), 0);
        QCOMPARE(Store::BackSyncConfig::of(Store::ConnectionRepo(m_test->db()).byId(id).value()).mode,
                 Mode::Off);
    }

    /** Switched off, a connection gets no new shop events: the store says so, and so does the list. */
    void aConnectionIsSwitchedOffAndOn()
    {
        Store::Connection c;
        c.name = QStringLiteral("Shop CRM");
        c.crm = QStringLiteral("amocrm");
        c.baseUrl = QStringLiteral("https://shop.amocrm.ru");
        const qint64 id = Store::ConnectionRepo(m_test->db()).add(c)->id;
        Gui::ConnectionsPage page(m_test->db(), std::make_shared<Secrets::MemorySecretStore>(),
                                  TestSupport::shopSources());
        page.show();
        auto *enabled = page.findChild<QCheckBox *>(QStringLiteral("connectionEnabled"));
        auto *list = page.findChild<QListWidget *>(QStringLiteral("connectionList"));
        QVERIFY(enabled && list);
        QVERIFY(enabled->isVisible());
        QVERIFY(enabled->isChecked());
        enabled->click();
        QVERIFY(!Store::ConnectionRepo(m_test->db()).byId(id)->enabled());
        QVERIFY2(list->currentItem()->text().contains(QLatin1String("switched off")),
                 qPrintable(list->currentItem()->text()));
        QVERIFY(!enabled->isChecked());
        enabled->click();
        QVERIFY(Store::ConnectionRepo(m_test->db()).byId(id)->enabled());
        QVERIFY(!list->currentItem()->text().contains(QLatin1String("switched off")));
        // A new connection's form has nothing to switch yet.
        page.newAmoConnection();
        QVERIFY(!enabled->isVisible());
    }

    /** Deleting a connection cancels its queued jobs and keeps its history (delivered jobs, the log). */
    void deletingAConnectionCancelsItsQueueAndKeepsItsHistory()
    {
        Store::Connection c;
        c.name = QStringLiteral("Old CRM");
        c.crm = QStringLiteral("amocrm");
        c.baseUrl = QStringLiteral("https://old.amocrm.ru");
        const qint64 id = Store::ConnectionRepo(m_test->db()).add(c)->id;
        Store::JobRepo jobs(m_test->db());
        QList<qint64> ids;
        for (int i = 0; i < 3; ++i) {
            Store::NewJob job;
            job.kind = QStringLiteral("order.created");
            job.connectionId = id;
            job.idempotencyKey = QStringLiteral("order:shop:%1:created").arg(i);
            ids << jobs.enqueue(job)->job.id;
        }
        auto leased = jobs.lease(QStringLiteral("t"), 1, 60000, id);
        QVERIFY_OK(leased);
        QVERIFY_OK(jobs.settleDone(leased->first().id, QStringLiteral("t")));
        Store::OpLogEntry call;
        call.connectionId = id;
        call.method = QStringLiteral("POST");
        call.url = QStringLiteral("https://old.amocrm.ru/api/v4/leads/complex");
        call.status = 200;
        call.jobId = leased->first().id;
        QVERIFY_OK(Store::OpLogRepo(m_test->db()).append(call));

        Gui::ConnectionsPage page(m_test->db(), std::make_shared<Secrets::MemorySecretStore>(),
                                  TestSupport::shopSources());
        page.show();
        auto *remove = page.findChild<QPushButton *>(QStringLiteral("deleteConnectionButton"));
        QVERIFY(remove->isVisible());
        Gui::MessageBox::setNextAnswer(QMessageBox::No);
        remove->click();
        QVERIFY2(Gui::MessageBox::lastText().contains(
                     QLatin1String("2 waiting or failed jobs of it will be cancelled")),
                 qPrintable(Gui::MessageBox::lastText()));
        QVERIFY_OK(Store::ConnectionRepo(m_test->db()).byId(id));
        Gui::MessageBox::setNextAnswer(QMessageBox::Yes);
        remove->click();
        QVERIFY(!Store::ConnectionRepo(m_test->db()).byId(id));
        QCOMPARE(page.findChild<QListWidget *>(QStringLiteral("connectionList"))->count(), 0);
        QCOMPARE(jobs.get(leased->first().id)->state, Store::JobState::Done);
        int cancelled = 0;
        for (qint64 job : ids)
            cancelled += jobs.get(job)->state == Store::JobState::Cancelled ? 1 : 0;
        QCOMPARE(cancelled, 2);
        QCOMPARE(Store::OpLogRepo(m_test->db()).count({}).value(), 1);
    }

    /** A miniShop2 shop is added in the console (tested first), switched off and deleted. */
    void aShopIsAddedTestedSwitchedOffAndDeleted()
    {
        QTemporaryDir dir;
        Source::MiniShop2::ShopDbUrl url;
        url.sqlite = true;
        url.path = dir.filePath(QStringLiteral("shop.db"));
        {
            auto shop = Source::MiniShop2::ShopDb::open(url, QStringLiteral("modx_"));
            QVERIFY_OK(shop);
            Source::MiniShop2::DemoShopGenerator::Options options;
            options.orders = 25;
            QVERIFY_OK(Source::MiniShop2::DemoShopGenerator::generate(*shop.value(), options));
        }
        Gui::ConnectionsPage page(m_test->db(), std::make_shared<Secrets::MemorySecretStore>(),
                                  TestSupport::shopSources());
        page.show();
        page.findChild<QPushButton *>(QStringLiteral("addShopButton"))->click();
        auto *dialog = page.findChild<Gui::ShopSourceDialog *>();
        QVERIFY(dialog);
        dialog->findChild<QLineEdit *>(QStringLiteral("sourceName"))->setText(QStringLiteral("shop"));
        dialog->findChild<QLineEdit *>(QStringLiteral("sourceUrl"))
            ->setText(QStringLiteral("sqlite://") + url.path);
        auto *result = dialog->findChild<QLabel *>(QStringLiteral("sourceTestResult"));
        // A wrong table prefix: the test says the shop cannot be read, and nothing is saved.
        dialog->findChild<QLineEdit *>(QStringLiteral("sourcePrefix"))->setText(QStringLiteral("wrong_"));
        QSignalSpy tested(dialog, &Gui::ShopSourceDialog::testFinished);
        dialog->findChild<QPushButton *>(QStringLiteral("testSourceButton"))->click();
        QTRY_COMPARE(tested.size(), 1);
        QCOMPARE(tested.first().first().toBool(), false);
        QVERIFY2(result->text().startsWith(QLatin1String("The shop cannot be read")),
                 qPrintable(result->text()));
        dialog->findChild<QLineEdit *>(QStringLiteral("sourcePrefix"))->setText(QStringLiteral("modx_"));
        dialog->findChild<QPushButton *>(QStringLiteral("testSourceButton"))->click();
        QTRY_COMPARE(tested.size(), 2);
        QCOMPARE(tested.last().first().toBool(), true);
        QVERIFY2(result->text().contains(QLatin1String("25 orders")), qPrintable(result->text()));
        QVERIFY(!Source::SourceRepo(m_test->db()).byName(QStringLiteral("shop")));
        dialog->findChild<QPushButton *>(QStringLiteral("saveSourceButton"))->click();
        QTRY_VERIFY(Source::SourceRepo(m_test->db()).byName(QStringLiteral("shop")));

        auto *tree = page.findChild<QTreeWidget *>(QStringLiteral("shopSide"));
        QTreeWidgetItem *row = nullptr;
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            if (tree->topLevelItem(i)->text(Gui::ShopSidePanel::NameColumn) == QLatin1String("shop"))
                row = tree->topLevelItem(i);
        }
        QVERIFY(row);
        tree->setCurrentItem(row);
        auto *switchShop = page.findChild<QPushButton *>(QStringLiteral("switchShopButton"));
        QCOMPARE(switchShop->text(), QStringLiteral("Switch off"));
        switchShop->click();
        QVERIFY(!Source::SourceRepo(m_test->db())
                     .byName(QStringLiteral("shop"))
                     ->config.value(QStringLiteral("enabled"))
                     .toBool(true));
        QCOMPARE(switchShop->text(), QStringLiteral("Switch on"));
        QVERIFY(tree->currentItem()
                    ->text(Gui::ShopSidePanel::KindColumn)
                    .contains(QLatin1String("switched off")));

        Gui::MessageBox::setNextAnswer(QMessageBox::Yes);
        page.findChild<QPushButton *>(QStringLiteral("deleteShopButton"))->click();
        QVERIFY(!Source::SourceRepo(m_test->db()).byName(QStringLiteral("shop")));
    }

    /** "Add shop" offers 1C-Bitrix: the prefix follows the platform, the site field shows, and the
     *  source is saved as a Bitrix source of that site. */
    void aBitrixShopIsAdded()
    {
        QTemporaryDir dir;
        Source::ShopDbUrl url;
        url.sqlite = true;
        url.path = dir.filePath(QStringLiteral("bitrix.db"));
        {
            auto shop = Source::ShopDb::open(url, QStringLiteral("b_"));
            QVERIFY_OK(shop);
            Source::Bitrix::BitrixDemoShop::Options options;
            options.orders = 12;
            options.otherSiteOrders = 2;
            QVERIFY_OK(Source::Bitrix::BitrixDemoShop::generate(*shop.value(), options));
        }
        Gui::ConnectionsPage page(m_test->db(), std::make_shared<Secrets::MemorySecretStore>(),
                                  TestSupport::shopSources());
        page.show();
        page.findChild<QPushButton *>(QStringLiteral("addShopButton"))->click();
        auto *dialog = page.findChild<Gui::ShopSourceDialog *>();
        QVERIFY(dialog);
        auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("sourceKind"));
        auto *prefix = dialog->findChild<QLineEdit *>(QStringLiteral("sourcePrefix"));
        auto *site = dialog->findChild<QLineEdit *>(QStringLiteral("sourceSite"));
        QCOMPARE(prefix->text(), QStringLiteral("modx_"));
        QVERIFY(!site->isVisible());
        const int bitrix = kind->findData(QStringLiteral("bitrix"));
        QVERIFY(bitrix >= 0);
        kind->setCurrentIndex(bitrix);
        QCOMPARE(prefix->text(), QStringLiteral("b_"));
        QVERIFY(site->isVisible());
        dialog->findChild<QLineEdit *>(QStringLiteral("sourceName"))->setText(QStringLiteral("bx"));
        dialog->findChild<QLineEdit *>(QStringLiteral("sourceUrl"))
            ->setText(QStringLiteral("sqlite://") + url.path);
        site->setText(QStringLiteral("s1"));
        QSignalSpy tested(dialog, &Gui::ShopSourceDialog::testFinished);
        dialog->findChild<QPushButton *>(QStringLiteral("testSourceButton"))->click();
        QTRY_COMPARE(tested.size(), 1);
        auto *result = dialog->findChild<QLabel *>(QStringLiteral("sourceTestResult"));
        QVERIFY2(tested.first().first().toBool(), qPrintable(result->text()));
        QVERIFY2(result->text().contains(QLatin1String("1C-Bitrix"))
                     && result->text().contains(QLatin1String("10 orders")),
                 qPrintable(result->text()));
        dialog->findChild<QPushButton *>(QStringLiteral("saveSourceButton"))->click();
        QTRY_VERIFY(Source::SourceRepo(m_test->db()).byName(QStringLiteral("bx")));
        const Source::SourceRecord saved
            = Source::SourceRepo(m_test->db()).byName(QStringLiteral("bx")).value();
        QCOMPARE(saved.kind, QStringLiteral("bitrix"));
        QCOMPARE(saved.config.value(QStringLiteral("site")).toString(), QStringLiteral("s1"));
        QCOMPARE(saved.config.value(QStringLiteral("prefix")).toString(), QStringLiteral("b_"));
    }

    /** "Add shop" offers MoySklad: an API address and a token instead of a database, tested against the
     *  MoySklad sandbox, saved with the token in the keychain and nowhere in the store. */
    void aMoySkladAccountIsAdded()
    {
        Sandbox::MoySklad::MoySkladSandboxOptions options;
        options.seed = QStringLiteral("demo");
        Sandbox::MoySklad::MoySkladSandbox sandbox(options);
        QString error;
        QVERIFY2(sandbox.start(&error), qPrintable(error));
        auto secrets = std::make_shared<Secrets::MemorySecretStore>();
        Gui::ConnectionsPage page(m_test->db(), secrets, TestSupport::shopSources());
        page.show();
        page.findChild<QPushButton *>(QStringLiteral("addShopButton"))->click();
        auto *dialog = page.findChild<Gui::ShopSourceDialog *>();
        QVERIFY(dialog);
        auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("sourceKind"));
        auto *prefix = dialog->findChild<QLineEdit *>(QStringLiteral("sourcePrefix"));
        auto *login = dialog->findChild<QLineEdit *>(QStringLiteral("sourceLogin"));
        auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("sourcePassword"));
        QVERIFY(!login->isVisible());
        const int moysklad = kind->findData(QStringLiteral("moysklad"));
        QVERIFY(moysklad >= 0);
        kind->setCurrentIndex(moysklad);
        QVERIFY(login->isVisible());
        QVERIFY(!prefix->isVisible());
        dialog->findChild<QLineEdit *>(QStringLiteral("sourceName"))->setText(QStringLiteral("sklad"));
        auto *url = dialog->findChild<QLineEdit *>(QStringLiteral("sourceUrl"));
        QVERIFY(url->placeholderText().contains(QLatin1String("https://api.moysklad.ru/api/remap/1.2")));
        url->setText(sandbox.apiUrl().toString());
        QSignalSpy tested(dialog, &Gui::ShopSourceDialog::testFinished);
        auto *result = dialog->findChild<QLabel *>(QStringLiteral("sourceTestResult"));

        // No token: said before anything is tried.
        dialog->findChild<QPushButton *>(QStringLiteral("testSourceButton"))->click();
        QTRY_COMPARE(tested.size(), 1);
        QVERIFY(!tested.takeFirst().first().toBool());
        QCOMPARE(result->text(), QStringLiteral("Paste the MoySklad API token."));

        // A wrong token: MoySklad's refusal, in words.
        password->setText(QStringLiteral("not-a-token"));
        dialog->findChild<QPushButton *>(QStringLiteral("testSourceButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 20000);
        QVERIFY2(!tested.takeFirst().first().toBool(), qPrintable(result->text()));
        QVERIFY2(result->text().startsWith(QLatin1String("The shop cannot be read")),
                 qPrintable(result->text()));

        password->setText(sandbox.token());
        dialog->findChild<QPushButton *>(QStringLiteral("testSourceButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 20000);
        QVERIFY2(tested.first().first().toBool(), qPrintable(result->text()));
        QVERIFY2(result->text().contains(QLatin1String("MoySklad at"))
                     && result->text().contains(QLatin1String("retail sales")),
                 qPrintable(result->text()));
        dialog->findChild<QPushButton *>(QStringLiteral("saveSourceButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(Source::SourceRepo(m_test->db()).byName(QStringLiteral("sklad")), 20000);
        const Source::SourceRecord saved
            = Source::SourceRepo(m_test->db()).byName(QStringLiteral("sklad")).value();
        QCOMPARE(saved.kind, QStringLiteral("moysklad"));
        QCOMPARE(saved.url, sandbox.apiUrl().toString());
        QVERIFY(!saved.config.contains(QStringLiteral("login")));
        QVERIFY(!saved.config.contains(QStringLiteral("prefix")));
        // Its sales become purchases on the buyers' CRM customers (the default).
        auto config = Source::MoySklad::MoySkladConfig::fromRecord(saved, sandbox.token().toUtf8());
        QVERIFY_OK(config);
        QVERIFY(!config->salesAsDeals);
        QVERIFY(!QJsonDocument(saved.config).toJson().contains(sandbox.token().toUtf8()));
        std::optional<Common::Result<QByteArray>> kept;
        secrets->read(saved.secretScope(), Source::SourceRecord::passwordSecretName(),
                      [&](Common::Result<QByteArray> r) { kept.emplace(std::move(r)); });
        QTRY_VERIFY(kept.has_value());
        QVERIFY_OK(*kept);
        QCOMPARE(kept->value(), sandbox.token().toUtf8());
    }

    void refusesAConnectionWithoutAnAddress()
    {
        Gui::ConnectionsPage page(m_test->db(), std::make_shared<Secrets::MemorySecretStore>(),
                                  TestSupport::shopSources());
        page.findChild<QLineEdit *>(QStringLiteral("connectionName"))->setText(QStringLiteral("x"));
        QVERIFY(!page.saveConnection());
        QVERIFY(!page.findChild<QLabel *>(QStringLiteral("connectionResult"))->text().isEmpty());
        QVERIFY(Store::ConnectionRepo(m_test->db()).list()->isEmpty());
    }

    /** The panels say where the key really is: in memory for a demo, encrypted in the database with a
     *  key file; "keychain" only for the keychain. */
    void keyStateSaysWhereTheKeyIsKept()
    {
        Store::Connection c;
        c.name = QStringLiteral("Retail shop");
        c.crm = QStringLiteral("retailcrm");
        c.baseUrl = QStringLiteral("https://shop.retailcrm.ru");
        c.config.insert(QStringLiteral("site"), QStringLiteral("shop"));
        c.state = QStringLiteral("signed-in");
        auto added = Store::ConnectionRepo(m_test->db()).add(c);
        QVERIFY_OK(added);
        QTemporaryDir dir;
        const QString keyFile = dir.filePath(QStringLiteral("crmbridge.key"));
        QVERIFY_OK(Secrets::SodiumSecretStore::generateKeyFile(keyFile));
        auto sodium = Secrets::SodiumSecretStore::open(m_test->db(), keyFile);
        QVERIFY_OK(sodium);
        const std::shared_ptr<Secrets::SecretStore> database = std::move(sodium.value());
        const std::shared_ptr<Secrets::SecretStore> memory = std::make_shared<Secrets::MemorySecretStore>();
        struct Case
        {
            std::shared_ptr<Secrets::SecretStore> store;
            QString missing, stored, placeholder;
        };
        const QList<Case> cases {
            { memory, QStringLiteral("not in this demo's memory: replace it"),
              QStringLiteral("kept in memory for this demo only"),
              QStringLiteral("Kept in memory for this demo only") },
            { database, QStringLiteral("not stored in the database: replace it"),
              QStringLiteral("stored encrypted in the database"),
              QStringLiteral("Kept only encrypted in the database") },
        };
        for (const Case &place : cases) {
            Gui::ConnectionsPage page(m_test->db(), place.store, TestSupport::shopSources());
            page.show();
            QTRY_COMPARE(textOf(page.retailPanel(), "retailKeyState"), place.missing);
            bool written = false;
            place.store->write(Secrets::SecretStore::connectionScope(added->id), QStringLiteral("api_key"),
                               QByteArrayLiteral("demo-key"), [&](Common::Status status) {
                                   QVERIFY_OK(status);
                                   written = true;
                               });
            QTRY_VERIFY(written);
            page.retailPanel()->setConnection(added.value());
            QTRY_COMPARE(textOf(page.retailPanel(), "retailKeyState"), place.stored);
            Gui::RetailConnectionDialog dialog(m_test->db(), place.store, added.value());
            QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("retailApiKey"))->placeholderText(),
                     place.placeholder);
            Gui::AmoSignInPanel amo(m_test->db(), place.store);
            QCOMPARE(amo.findChild<QLineEdit *>(QStringLiteral("clientSecret"))->placeholderText(),
                     QStringLiteral("The integration's secret key. ") + place.placeholder);
        }
    }
};

QTEST_MAIN(TestConnectionsPage)
#include "tst_ConnectionsPage.moc"
