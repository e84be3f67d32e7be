// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"
#include "store/ConnectionRepo.h"

#include <QHash>
#include <QWidget>
#include <memory>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace Source {
class SourceRegistry;
}

namespace Secrets {
class SecretStore;
}

namespace Gui {

class ShopSourceDialog;

/**
 * The shop side of the Connections page: each shop database (miniShop2 URL and table prefix, its
 * password masked) and each web form of the intake, with the addresses ready to copy: the webhook
 * address (secret in the X-CRMBridge-Secret header) and the plain-form address (secret in the path).
 *
 * A shop's password is read from the SecretStore asynchronously, only to say whether it is there and,
 * on "Copy secret", to put it on the clipboard; it is never kept. A form's secret is stored only as a
 * hash, so it cannot be shown again: "New secret" makes one (the old stops working) and shows it masked
 * until the page is reloaded. GUI thread; owned by the Connections page.
 */
class ShopSidePanel : public QWidget
{
    Q_OBJECT
public:
    enum Column { NameColumn, KindColumn, AddressColumn, SecretColumn };
    enum Role {
        SecretScopeRole = Qt::UserRole + 1,
        SecretNameRole,
        FormNameRole,
        AddressRole,
        AddressTakesSecretRole, ///< the address ends with the secret (a CRM webhook): copied with it
        SourceNameRole, ///< a shop database row: its source's name
    };

    ShopSidePanel(std::shared_ptr<Storage::Database> db, std::shared_ptr<Secrets::SecretStore> secrets,
                  std::shared_ptr<const Source::SourceRegistry> sources, QWidget *parent = nullptr);

    /** The intake's base address, from the setting intake.listen (default 127.0.0.1:8088). */
    static QString intakeBaseUrl(const QString &listen);
    /** Where the CRM posts a connection's stage changes: the address without the secret, masked. */
    static QString maskedHookAddress(const Store::Connection &connection);
    /** The same address without its last part (the secret), to which the secret is appended. */
    static QString hookAddressPrefix(const Store::Connection &connection);

public Q_SLOTS:
    void reload();
    void copyAddress();
    /** Copies the selected row's secret: a shop password (read asynchronously) or a form's new secret. */
    void copySecret();
    /** Gives the selected form a new secret after asking; the old one stops working. */
    void newFormSecret();
    /** Opens the dialog that adds a miniShop2 shop (window-modal); the list shows it once saved. */
    ShopSourceDialog *addShop();
    /** Switches the selected shop off (its poller stops at the next start of the exchange) or on. */
    void switchShop();
    /** Deletes the selected shop after asking; its jobs and the log stay. */
    bool deleteShop();

Q_SIGNALS:
    /** What a copy or a new secret did, in words for the operator. */
    void noted(const QString &text);

private:
    void addSource(const QString &name, const QString &kind, const QString &address, const QString &scope,
                   const QString &secretName);
    void addForm(const QString &name, const QString &baseUrl);
    /** A connection's back-sync: its webhook address and secret, or the polling interval. */
    void addBackSync(const Store::Connection &connection);
    /** Each published ICML catalogue and the intake address RetailCRM downloads it from. */
    void addCatalogues(const QString &baseUrl);
    /** Reads the item's secret off the GUI thread and copies prefix + secret, then notes done. */
    void copyWithSecret(QTreeWidgetItem *item, const QString &prefix, const QString &done);
    void showSecretState(QTreeWidgetItem *item);
    void onCurrentChanged();

    std::shared_ptr<Storage::Database> m_db;
    std::shared_ptr<Secrets::SecretStore> m_secrets;
    std::shared_ptr<const Source::SourceRegistry> m_sources;
    QTreeWidget *m_tree;
    QPushButton *m_copyAddress;
    QPushButton *m_copySecret;
    QPushButton *m_newSecret;
    QPushButton *m_addShop;
    QPushButton *m_switchShop;
    QPushButton *m_deleteShop;
    QLabel *m_note;
    QHash<QString, QString> m_newFormSecrets; ///< form name → the secret made in this session
    quint64 m_generation = 0; ///< reloads: a keychain answer for an older list is dropped
};

} // namespace Gui
