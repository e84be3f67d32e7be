// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoSignInPanel.h"

#include "common/SecretPlace.h"
#include "crm/ConnectorFactory.h"
#include "crm/amocrm/AmoTokens.h"
#include "net/HttpClient.h"
#include "secrets/SecretStore.h"
#include "store/CredentialExpiryRepo.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDesktopServices>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace Gui {

using Crm::AmoCrm::AmoBrowserSignIn;

AmoSignInPanel::AmoSignInPanel(std::shared_ptr<Storage::Database> db,
                               std::shared_ptr<Secrets::SecretStore> secrets, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_secrets(std::move(secrets))
    , m_network(new QNetworkAccessManager(this))
    , m_client(new Net::HttpClient(m_network, Net::HttpClient::Options {}, this))
    , m_flow(new AmoBrowserSignIn(m_client, m_secrets, this))
    , m_secret(new QLineEdit(this))
    , m_signIn(new QPushButton(tr("Sign in with the browser"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_pasted(new QLineEdit(this))
    , m_usePasted(new QPushButton(tr("Use it"), this))
    , m_signOut(new QPushButton(tr("Sign out"), this))
    , m_state(new QLabel(this))
    , m_token(new QLabel(this))
    , m_guide(new QLabel(this))
    , m_authorizeUrl(new QLineEdit(this))
{
    setObjectName(QStringLiteral("amoSignIn"));
    m_secret->setObjectName(QStringLiteral("clientSecret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("The integration's secret key. %1").arg(SecretPlace::keptIn(*m_secrets)));
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_cancel->setObjectName(QStringLiteral("signInCancelButton"));
    m_pasted->setObjectName(QStringLiteral("pastedAuth"));
    m_pasted->setPlaceholderText(tr("Or paste a code, the redirect address or a long-lived token"));
    m_usePasted->setObjectName(QStringLiteral("usePastedButton"));
    m_signOut->setObjectName(QStringLiteral("signOutButton"));
    m_state->setObjectName(QStringLiteral("signInState"));
    m_state->setWordWrap(true);
    m_token->setObjectName(QStringLiteral("tokenState"));
    m_token->setWordWrap(true);
    m_cancel->hide();
    m_guide->setObjectName(QStringLiteral("signInGuide"));
    m_guide->setWordWrap(true);
    m_guide->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_authorizeUrl->setObjectName(QStringLiteral("authorizeUrl"));
    m_authorizeUrl->setReadOnly(true);
    m_authorizeUrl->hide();
    auto *copyUrl = m_authorizeUrl->addAction(QIcon::fromTheme(QStringLiteral("edit-copy")),
                                              QLineEdit::TrailingPosition);
    copyUrl->setToolTip(tr("Copy the address"));
    connect(copyUrl, &QAction::triggered, this,
            [this] { QApplication::clipboard()->setText(m_authorizeUrl->text()); });
    connect(m_guide, &QLabel::linkActivated, this, [this](const QString &link) {
        QApplication::clipboard()->setText(link);
        m_state->setText(tr("The redirect address is copied."));
    });

    auto *form = new QFormLayout;
    form->addRow(tr("Secret key:"), m_secret);
    auto *browserRow = new QHBoxLayout;
    browserRow->addWidget(m_signIn);
    browserRow->addWidget(m_cancel);
    browserRow->addWidget(m_state, 1);
    auto *pasteRow = new QHBoxLayout;
    pasteRow->addWidget(m_pasted, 1);
    pasteRow->addWidget(m_usePasted);
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_signOut);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_guide);
    layout->addLayout(form);
    layout->addLayout(browserRow);
    layout->addWidget(m_authorizeUrl);
    layout->addLayout(pasteRow);
    layout->addLayout(tokenRow);

    m_flow->setExpiryStore(m_db);
    connect(m_signIn, &QPushButton::clicked, this, &AmoSignInPanel::startBrowser);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_userCancelled = true;
        m_flow->cancel();
    });
    connect(m_usePasted, &QPushButton::clicked, this, &AmoSignInPanel::usePasted);
    connect(m_signOut, &QPushButton::clicked, this, &AmoSignInPanel::signOut);
    connect(m_flow, &AmoBrowserSignIn::authorizeUrlReady, this, &AmoSignInPanel::onAuthorizeUrl);
    connect(m_flow, &AmoBrowserSignIn::statusChanged, this, &AmoSignInPanel::onStatus);
    connect(m_flow, &AmoBrowserSignIn::finished, this, &AmoSignInPanel::onFinished);
    setConnection({});
}

AmoSignInPanel::~AmoSignInPanel() = default;

void AmoSignInPanel::setConnection(const Store::Connection &connection)
{
    m_flow->cancel();
    m_connection = connection;
    setEnabled(connection.id > 0);
    m_state->clear();
    m_secret->clear();
    m_token->setText(connection.id > 0 ? QString() : tr("Save the connection first."));
    m_authorizeUrl->clear();
    m_authorizeUrl->hide();
    showGuide();
    if (connection.id > 0)
        showTokens();
}

void AmoSignInPanel::showGuide()
{
    const QString redirect = m_connection.config.value(QStringLiteral("redirect_uri")).toString();
    const QString where = tr("In amoCRM: Settings → Integrations → Create integration (external). Give it "
                             "the redirect address below and the rights it asks for; its Keys tab then "
                             "shows the integration ID (enter it above and save) and the secret key (enter "
                             "it here).");
    const QString address = redirect.isEmpty()
        ? tr("Redirect address: write one above, e.g. http://127.0.0.1:17817/amocrm, and save.")
        : tr("Redirect address to paste into amoCRM: %1 (click to copy).")
              .arg(QStringLiteral("<a href=\"%1\">%2</a>")
                       .arg(redirect.toHtmlEscaped(), redirect.toHtmlEscaped()));
    m_guide->setText(QStringLiteral("%1<br>%2").arg(where.toHtmlEscaped(), address));
}

void AmoSignInPanel::onAuthorizeUrl(const QUrl &url)
{
    // Shown whether or not a browser opens: on a machine without one, the operator copies it.
    m_authorizeUrl->setText(url.toString(QUrl::FullyEncoded));
    m_authorizeUrl->show();
    if (!QDesktopServices::openUrl(url))
        m_state->setText(tr("No browser opened: copy the address below into a browser on this computer."));
}

AmoBrowserSignIn::Config AmoSignInPanel::config() const
{
    AmoBrowserSignIn::Config config;
    config.connectionId = m_connection.id;
    config.integration.baseUrl = QUrl(m_connection.baseUrl);
    config.integration.clientId = m_connection.config.value(QStringLiteral("client_id")).toString();
    config.integration.redirectUri = m_connection.config.value(QStringLiteral("redirect_uri")).toString();
    config.clientSecret = m_secret->text();
    return config;
}

void AmoSignInPanel::startBrowser()
{
    m_userCancelled = false;
    if (auto started = m_flow->start(config()); !started)
        m_state->setText(started.error().message);
}

void AmoSignInPanel::usePasted()
{
    const QString text = m_pasted->text().trimmed();
    if (text.isEmpty())
        return;
    // A long-lived token is a JWT: three base64url parts; anything else is a code or a redirect URL.
    const bool jwt = text.count(QLatin1Char('.')) == 2 && !text.contains(QLatin1Char('/'));
    auto submitted
        = jwt ? m_flow->submitLongLivedToken(config(), text) : m_flow->submitPasted(config(), text);
    if (!submitted)
        m_state->setText(submitted.error().message);
}

void AmoSignInPanel::onStatus(AmoBrowserSignIn::State state, int secondsLeft)
{
    const bool running
        = state == AmoBrowserSignIn::State::WaitingForBrowser || state == AmoBrowserSignIn::State::Exchanging;
    m_cancel->setVisible(running);
    m_signIn->setEnabled(!running);
    m_usePasted->setEnabled(!running);
    switch (state) {
    case AmoBrowserSignIn::State::Idle:
        m_state->clear();
        break;
    case AmoBrowserSignIn::State::WaitingForBrowser:
        m_state->setText(tr("Waiting for the browser: allow access there (%1:%2 left).")
                             .arg(secondsLeft / 60)
                             .arg(secondsLeft % 60, 2, 10, QLatin1Char('0')));
        break;
    case AmoBrowserSignIn::State::Exchanging:
        m_state->setText(tr("Getting the token…"));
        break;
    case AmoBrowserSignIn::State::SignedIn:
        m_state->setText(tr("Signed in."));
        break;
    case AmoBrowserSignIn::State::Failed:
        m_authorizeUrl->hide();
        m_state->setText(m_userCancelled ? tr("Sign-in cancelled.")
                                         : tr("Sign-in failed: %1").arg(m_flow->failureReason()));
        break;
    }
}

void AmoSignInPanel::onFinished(const Common::Result<Crm::AmoCrm::AmoTokenSet> &result)
{
    m_authorizeUrl->hide();
    if (!result) {
        m_state->setText(m_userCancelled || result.error().code == QLatin1String("cancelled")
                             ? tr("Sign-in cancelled.")
                             : tr("Sign-in failed: %1").arg(result.error().message));
        return;
    }
    m_state->setText(tr("Signed in."));
    m_pasted->clear();
    // AmoBrowserSignIn has recorded the expiry (setExpiryStore); the connection can send now.
    (void)Store::ConnectionRepo(m_db).setState(m_connection.id, QStringLiteral("signed-in"));
    Q_EMIT connectionChanged();
    showTokens();
    showAccountName();
}

void AmoSignInPanel::showAccountName()
{
    if (m_accountCheck)
        m_accountCheck->deleteLater(); // an earlier answer, if any, is for another sign-in
    m_accountCheck = new QObject(this);
    auto connector = Crm::ConnectorFactory(m_db, m_secrets).forConnection(m_connection)(m_accountCheck);
    if (!connector)
        return;
    Crm::CrmConnector *asking = connector.release(); // owned by m_accountCheck
    QPointer<AmoSignInPanel> self(this);
    QPointer<QObject> check(m_accountCheck);
    asking->testConnection([self, check](Common::Result<Crm::AccountInfo> info) {
        if (!self || !check || check != self->m_accountCheck)
            return;
        if (info && !info->accountName.isEmpty())
            self->m_state->setText(
                tr("Signed in to the account «%1» (%2).").arg(info->accountName, info->subdomain));
        else if (!info)
            self->m_state->setText(
                tr("Signed in, but the account could not be read: %1").arg(info.error().message));
        check->deleteLater();
    });
}

void AmoSignInPanel::showTokens()
{
    QPointer<AmoSignInPanel> self(this);
    const qint64 id = m_connection.id;
    Crm::AmoCrm::loadTokens(*m_secrets, id, [self, id](Common::Result<Crm::AmoCrm::AmoTokenSet> tokens) {
        if (!self || self->m_connection.id != id)
            return;
        const Store::CredentialExpiry recorded
            = Store::CredentialExpiryRepo(self->m_db).load(id).valueOr(Store::CredentialExpiry {});
        if ((!tokens || !tokens->isValid()) && self->m_connection.state == QLatin1String("signed-in")
            && recorded.deadline().isValid()) {
            // An engine elsewhere holds the token (its own keychain or key file): say what the store knows.
            self->m_token->setText(
                tr("Signed in on the engine's computer; this computer's keychain has no "
                   "token. Valid until %1.")
                    .arg(QLocale().toString(recorded.deadline().toLocalTime(), QLocale::ShortFormat)));
            self->m_signOut->setEnabled(false);
            return;
        }
        if (!tokens && tokens.error().kind != Common::ErrorKind::Auth) {
            // The keychain is not there (no secret service): say so rather than "not signed in".
            self->m_token->setText(tokens.error().message);
            self->m_signOut->setEnabled(false);
            return;
        }
        if (!tokens || !tokens->isValid()) {
            self->m_token->setText(tr("Not signed in."));
            self->m_signOut->setEnabled(false);
            return;
        }
        const QLocale locale;
        const QString account = tokens->baseUrl.isEmpty() ? self->m_connection.baseUrl : tokens->baseUrl;
        self->m_token->setText(
            tokens->accessExpiresAtMs > 0
                ? tr("Signed in to %1. The token is valid until %2.")
                      .arg(account,
                           locale.toString(QDateTime::fromMSecsSinceEpoch(tokens->accessExpiresAtMs),
                                           QLocale::ShortFormat))
                : tr("Signed in to %1.").arg(account));
        self->m_signOut->setEnabled(true);
    });
}

void AmoSignInPanel::signOut()
{
    QPointer<AmoSignInPanel> self(this);
    m_secrets->remove(Secrets::SecretStore::connectionScope(m_connection.id),
                      Crm::AmoCrm::AmoSecretNames::tokens(), [self](Common::Status done) {
                          if (!self)
                              return;
                          if (!done) {
                              self->m_state->setText(done.error().message);
                              return;
                          }
                          (void)Store::CredentialExpiryRepo(self->m_db).remove(self->m_connection.id);
                          (void)Store::ConnectionRepo(self->m_db)
                              .setState(self->m_connection.id, QStringLiteral("needs-sign-in"));
                          Q_EMIT self->connectionChanged();
                          self->showTokens();
                      });
}

} // namespace Gui
