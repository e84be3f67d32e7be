// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crm/amocrm/AmoBrowserSignIn.h"
#include "store/ConnectionRepo.h"

#include <QWidget>
#include <memory>

class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;

namespace Secrets {
class SecretStore;
}

namespace Gui {

/**
 * Signing one amoCRM connection in: with the browser (the core state machine hands out the URL,
 * which is opened with QDesktopServices; the state and the countdown are shown, with Cancel), or by
 * pasting a code, a redirect URL or a long-lived token; then the token's expiry; sign out. All network
 * work is the core flow's, asynchronous; this widget only shows its signals. GUI thread; owned by the
 * Connections page.
 */
class AmoSignInPanel : public QWidget
{
    Q_OBJECT
public:
    AmoSignInPanel(std::shared_ptr<Storage::Database> db, std::shared_ptr<Secrets::SecretStore> secrets,
                   QWidget *parent = nullptr);
    ~AmoSignInPanel() override;

    /** The connection to sign in (0 id: none; the panel is disabled). */
    void setConnection(const Store::Connection &connection);
    Crm::AmoCrm::AmoBrowserSignIn *flow() const { return m_flow; }

Q_SIGNALS:
    /** The connection's state in the store changed (signed in or out). */
    void connectionChanged();

private:
    Crm::AmoCrm::AmoBrowserSignIn::Config config() const;
    void startBrowser();
    void usePasted();
    void signOut();
    void onStatus(Crm::AmoCrm::AmoBrowserSignIn::State state, int secondsLeft);
    void onFinished(const Common::Result<Crm::AmoCrm::AmoTokenSet> &result);
    void showTokens();
    void showGuide();
    /** Asks amoCRM for the account's name and shows it ("Signed in to «Shop» (shop.amocrm.ru)"). */
    void showAccountName();
    void onAuthorizeUrl(const QUrl &url);

    std::shared_ptr<Storage::Database> m_db;
    std::shared_ptr<Secrets::SecretStore> m_secrets;
    Store::Connection m_connection;
    QNetworkAccessManager *m_network;
    Net::HttpClient *m_client;
    Crm::AmoCrm::AmoBrowserSignIn *m_flow;
    QLineEdit *m_secret;
    QPushButton *m_signIn;
    QPushButton *m_cancel;
    QLineEdit *m_pasted;
    QPushButton *m_usePasted;
    QPushButton *m_signOut;
    QLabel *m_state;
    QLabel *m_token;
    QLabel *m_guide; ///< where the integration id, secret and redirect address go
    QLineEdit *m_authorizeUrl; ///< the sign-in address, to copy when no browser opened
    bool m_userCancelled = false;
    QObject *m_accountCheck = nullptr; ///< owns the connector asking for the account's name
};

} // namespace Gui
