// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestDatabase.h"
#include "TestEnv.h"
#include "common/Translations.h"
#include "connect/AmoSignInPanel.h"
#include "connect/ConnectionsPage.h"
#include "secrets/MemorySecretStore.h"
#include "store/ConnectionRepo.h"

#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>
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
