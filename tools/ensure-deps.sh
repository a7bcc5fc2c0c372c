# Sourced by the workspace commands after node-env.sh: installs the locked dependencies when
# node_modules is missing or older than package-lock.json.

acimtl_lock_hash="$(node -e "const c=require('node:crypto');const f=require('node:fs');console.log(c.createHash('sha256').update(f.readFileSync('package-lock.json')).digest('hex'))")"
acimtl_stamp="node_modules/.acimtl-lock-hash"

if [ ! -f "$acimtl_stamp" ] || [ "$(cat "$acimtl_stamp")" != "$acimtl_lock_hash" ]; then
  echo "Installing dependencies (npm ci)…"
  npm ci --no-audit --no-fund
  echo "$acimtl_lock_hash" > "$acimtl_stamp"
fi
